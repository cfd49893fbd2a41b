// Incident assessment (realtime README "Incident assessment"): where the leak is, which valves,
// the release, zones, who goes where and doses — computed on the sim worker threads.
export { IncidentAssessor } from './incident-assessor.ts';
export type { IncidentAssessorDeps } from './incident-assessor.ts';
export { RecentReadings, RECENT_WINDOW_MS } from './recent-readings.ts';
export { assessIncident } from './assess-incident.ts';
export type { AssessmentInput, AssessmentSubject } from './assessment-input.ts';
