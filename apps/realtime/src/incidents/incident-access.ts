import type { IncidentView, Principal } from '@safetwin/protocol';
import { canSeeIncident } from '../auth/access.ts';
import { forbidden } from '../errors.ts';

/**
 * Who may act on an incident they see (change its state, write notes, confirm valves, report
 * field tasks, call the fire brigade): a commander; the park manager of its site; a safety officer
 * on their own plant's incident; a drill planner on drills only (a real incident is not theirs to run).
 */
export function canActOnIncident(user: Principal, incident: Pick<IncidentView, 'siteId' | 'enterpriseId' | 'origin'>): boolean {
  if (!canSeeIncident(user, incident)) return false;
  if (user.role === 'drill-planner') return incident.origin === 'drill';
  return true;
}

/** Throws 403 unless {@link canActOnIncident}; the message says why. */
export function requireActOnIncident(user: Principal, incident: Pick<IncidentView, 'siteId' | 'enterpriseId' | 'origin'>): void {
  if (canActOnIncident(user, incident)) return;
  throw forbidden(user.role === 'drill-planner' ? 'a drill planner acts on drill incidents only' : `role ${user.role} may not act on this incident`);
}
