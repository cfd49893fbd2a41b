export {
  ReadingSchema,
  DeviceIdSchema,
  MetricNameSchema,
  SensorTimeSchema,
  IngestRequestSchema,
  IngestResultSchema,
  RejectedReadingSchema,
  MAX_FUTURE_SKEW_MS,
  MAX_AGE_MS,
  MAX_METRICS_PER_READING,
  MAX_READINGS_PER_BATCH,
  toEpochMs,
} from './reading.ts';
export type { Reading, ReadingInput, IngestResult, RejectedReading } from './reading.ts';
export { ApiErrorSchema, ERROR_CODES } from './errors.ts';
export type { ApiError, ErrorCode } from './errors.ts';
export { ROLES, RoleSchema, LoginRequestSchema, LoginResponseSchema, PrincipalSchema } from './auth.ts';
export type { Role, LoginRequest, LoginResponse, Principal } from './auth.ts';
export {
  COMMAND_ACTIONS,
  COMMAND_STATES,
  CommandActionSchema,
  CommandRequestSchema,
  FieldCommandSchema,
  CommandAckSchema,
  CommandRecordSchema,
  TagPageSchema,
} from './command.ts';
export type { CommandAction, CommandRequest, FieldCommand, CommandAck, CommandState, CommandRecord, TagPage } from './command.ts';
export type { LiveReading, ReadingsBatch, SubscribeAck, ServerToClientEvents, ClientToServerEvents, SocketAuth } from './socket.ts';
export { HEARTBEAT_EMIT_MS, LINK_SILENCE_MS } from './socket.ts';
export { MQTT_TOPIC_ROOT, telemetryTopic, commandTopic, commandAckTopic, ingestErrorTopic, parseTopic } from './mqtt.ts';
export { ALARM_STATES, ALARM_PRIORITIES, RESPONSE_TIERS, ShelveRequestSchema, AlarmReasonSchema } from './alarm.ts';
export type { AlarmStateName, AlarmPriority, AlarmView, AlarmTransitionView, AlarmResponseView, ResponseTier, AlarmLoadView } from './alarm.ts';
export { SIM_RUN_KINDS, SIM_RUN_STATES, SimRunRequestSchema, SimSourceSchema } from './sim-run.ts';
export type { EngineNote, SimReleaseContext, SimReplayView, SimRunContext, SimRunKind, SimRunRequest, SimRunState, SimRunView, SimSource, SimWeatherOrigin } from './sim-run.ts';
export { decodeF32Base64, encodeF32Base64 } from './f32-base64.ts';
export {
  SIMULATOR_SCENARIO_KINDS,
  MAX_SCENARIO_DURATION_S,
  MethaneRiseRequestSchema,
  SensorDropoutRequestSchema,
  LeakRequestSchema,
  LEAK_CHEMICALS,
  MAX_LEAK_RATE_KG_S,
  LeakFaultSchema,
  LeakTruthSchema,
  SimulatorScenarioRequestSchema,
  StagedScenarioSchema,
} from './simulator.ts';
export type { LeakChemical, SimulatorScenarioKind, SimulatorScenarioRequest, StagedScenarioView } from './simulator.ts';
export { CLOCK_SKEW_ALLOWANCE_MS, lastHeardMs } from './freshness.ts';
export {
  INCIDENT_STATES,
  INCIDENT_ORIGINS,
  INCIDENT_VALVE_STATES,
  RATE_UNPINNED_FACTOR,
  unpinnedRateRangeKgS,
  DeclareIncidentSchema,
  IncidentStateRequestSchema,
  ConfirmIsolationSchema,
  IncidentNoteSchema,
} from './incident.ts';
export type {
  IncidentState,
  IncidentOrigin,
  IncidentValveState,
  SitePlace,
  SourceCandidateView,
  SourceAssessmentView,
  FlowShiftView,
  IsolationValveView,
  IsolationAlternativeView,
  IsolationAssessmentView,
  ReleaseView,
  ThreatZoneView,
  AssemblyPointView,
  EvacuationGroupView,
  EvacuationAssessmentView,
  DoseExceedanceView,
  IncidentAssessmentView,
  IncidentValveView,
  IncidentPeopleView,
  IncidentMilestonesView,
  IncidentView,
  IncidentEventView,
  IncidentDetailView,
  IncidentHandoverReason,
  IncidentHandoverView,
  DeclareIncidentRequest,
  NamedPlaceView,
  FireBrigadeBrief,
} from './incident.ts';
export { ROOF_STATES } from './mine.ts';
export type {
  MinePoint,
  MineName,
  MethaneSensorFault,
  InterlockCutCause,
  EscapeDecision,
  PersonState,
  PersonOrderView,
  PersonView,
  WithdrawalView,
  SitePeopleView,
  MachineCommandView,
  MachinePowerView,
  InterlockSensorView,
  InterlockLogEntry,
  SitePowerView,
  PersonPlaceView,
  ZoneView,
  SiteZonesView,
  AttendanceRecord,
  AttendanceView,
  PageTarget,
  PageRecipientView,
  PageView,
  SitePagesView,
  TrajectoryPoint,
  TrajectoryView,
  RoofState,
  RoofSensorView,
  SiteRoofView,
} from './mine.ts';
export { engineNoteText, HUB_TEXT_KEYS, hubText } from './hub-text.ts';
export type { HubText, HubTextKey, HubTextValue, SiteName } from './hub-text.ts';
