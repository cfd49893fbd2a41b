import type { LiveReading } from '@safetwin/protocol';
import type { Site } from '@safetwin/twin-models';
import type { AlarmEngine } from '../alarm-engine.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { EsdShutdown, type ValveCommander } from './esd-shutdown.ts';
import { ResponseEventHub, type ResponseEvents, type ResponseNotifier } from './response-events.ts';
import { ResponseDeadlines, type DeadlineClaims } from './response-deadlines.ts';
import type { DeadlineKind } from './response-policy.ts';

/** What the graded response needs from the hub. */
export interface GradedResponseDeps {
  engine: AlarmEngine;
  site: (siteId: string) => Site | undefined;
  commands: ValveCommander;
  queue: JobQueue;
  /** Where valve position reports come from (IngestService). */
  ingest: { onValidated(listener: (readings: LiveReading[]) => void): void };
  now: () => number;
  commandTimeoutMs: number;
  onError: (err: unknown) => void;
  /** Deadline per kind, ms. @defaultValue RESPONSE_DEADLINE_MS */
  durationsMs?: Readonly<Record<DeadlineKind, number>>;
  /** With several hubs (REDIS_URL): deadline escalations decided through the database. */
  claims?: DeadlineClaims;
}

/**
 * The seed's graded response (DESIGN.md §5): level 1 shuts the unit's ESD valves, levels 2 and
 * 3 demand a confirmation by a deadline that escalates; every step is published with the alarm
 * (the wall) and told to the `onEvent` notifiers (webhooks).
 */
export class GradedResponse implements ResponseEvents {
  readonly deadlines: ResponseDeadlines;
  readonly shutdown: EsdShutdown;
  private readonly events: ResponseEventHub;

  constructor(private readonly deps: GradedResponseDeps) {
    this.events = new ResponseEventHub(deps.onError);
    const emit = (e: Parameters<ResponseNotifier>[0]) => this.events.emit(e);
    this.deadlines = new ResponseDeadlines({ engine: deps.engine, queue: deps.queue, now: deps.now, emit, onError: deps.onError, durationsMs: deps.durationsMs, claims: deps.claims });
    this.shutdown = new EsdShutdown({ engine: deps.engine, site: deps.site, commands: deps.commands, now: deps.now, emit, onError: deps.onError, commandTimeoutMs: deps.commandTimeoutMs });
  }

  /** Listens (call after the engine started, before any reading flows); emits nothing until `ready`. */
  start(): this {
    this.shutdown.start();
    this.deadlines.start();
    this.deps.ingest.onValidated((readings) => this.shutdown.observe(readings));
    return this;
  }

  /**
   * Catch-up from the stored alarms, once the `onEvent` notifiers listen: resumes and commands
   * shutdowns, re-arms deadlines (past due: at once, through the queue) and opens missing ones.
   */
  ready(): void {
    this.shutdown.ready();
    this.deadlines.ready();
  }

  onEvent(notify: ResponseNotifier): void {
    this.events.onEvent(notify);
  }

  close(): void {
    this.shutdown.close();
  }
}
