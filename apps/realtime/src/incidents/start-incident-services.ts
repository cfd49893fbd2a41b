// The incident services (issue 6), built in one place for create-hub: incidents created from
// level-1/2 gas alarms or declared, assessed on the sim threads (at once, then every
// `reassessEveryMs`), the response carried out by the actions. Restored open incidents resume their
// loops and valve watches before intake starts.
import type { SqlClient } from '@safetwin/db';
import type { AlarmEngine } from '../alarms/alarm-engine.ts';
import type { CommandChannel } from '../commands/command-channel.ts';
import type { IngestService } from '../ingest/ingest-service.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import type { WebhookNotifier } from '../notify/webhook-notifier.ts';
import { IncidentActions } from './actions/index.ts';
import { IncidentAssessor, RecentReadings } from './assessment/index.ts';
import type { IncidentAssessorDeps } from './assessment/incident-assessor.ts';
import { preloadRecentReadings } from './assessment/preload-recent.ts';
import { IncidentAutoCreator } from './incident-auto.ts';
import { AssessmentScheduler } from './incident-scheduler.ts';
import { IncidentService } from './incident-service.ts';
import { IncidentStore } from './incident-store.ts';

/** The running incident services. */
export interface IncidentServices {
  service: IncidentService;
  actions: IncidentActions;
  /** Stops the assessment loops, then the actions' valve watches, then waits for every queued incident write. */
  close(): Promise<void>;
}

/**
 * Starts the incident services on a hub's parts. Call after the alarm engine and the webhooks have
 * started and before intake starts (restored incidents must watch their valves before readings arrive).
 */
export async function startIncidentServices(deps: {
  db: SqlClient;
  registry: SiteRegistry;
  ingest: IngestService;
  commands: CommandChannel;
  engine: AlarmEngine;
  webhooks: WebhookNotifier;
  executor: IncidentAssessorDeps['executor'];
  /** Sends an incident to the walls that may see it. */
  emit: ConstructorParameters<typeof IncidentService>[0]['emit'];
  now: () => number;
  onError: (err: unknown) => void;
  /** How long the actions wait for a command's acknowledgement, ms. */
  commandTimeoutMs: number;
  /** Re-assessment period of an open incident, ms. */
  reassessEveryMs: number;
  /** Whether the demo simulator plays a site's valves (a drill there commands them; see the actions' README section). */
  simulatedSite: (siteId: string) => boolean;
}): Promise<IncidentServices> {
  const { db, registry, ingest, commands, engine, webhooks, now, onError } = deps;
  const service = new IncidentService({ store: new IncidentStore(db), emit: deps.emit, now, log: onError });
  const recentReadings = new RecentReadings(registry);
  ingest.onValidated((readings) => recentReadings.observe(readings));
  // Its rings are memory only: refilled from storage before incidents are restored (intake starts later, so nothing interleaves).
  await preloadRecentReadings({ db, registry, recent: recentReadings, nowMs: now() }).catch(onError);
  const actions = new IncidentActions({
    commands, registry, ingest, now, sink: service, webhooks, log: onError, commandTimeoutMs: deps.commandTimeoutMs, simulatedSite: deps.simulatedSite,
  });
  const scheduler = new AssessmentScheduler({
    service, assessor: new IncidentAssessor({ registry, executor: deps.executor, readings: recentReadings, now }), actions,
    deviceOfAlarm: (alarmId) => engine.get(alarmId)?.deviceId, everyMs: deps.reassessEveryMs, log: onError,
  });
  service.onChange((incident, kind) => {
    if (kind === 'restored') actions.restore(incident);
    else if (incident.state === 'closed') actions.forget(incident.id);
  });
  const autoIncidents = new IncidentAutoCreator({ service, site: (id) => registry.site(id), alarm: (id) => engine.get(id), now, log: onError });
  engine.onChange(autoIncidents.listener);
  await service.restore();
  return {
    service,
    actions,
    async close() {
      await scheduler.close().catch(onError);
      await actions.close().catch(onError);
      await service.drain().catch(onError);
    },
  };
}
