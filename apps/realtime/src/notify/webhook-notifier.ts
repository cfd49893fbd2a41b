import { randomUUID } from 'node:crypto';
import type { AlarmView } from '@safetwin/protocol';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { AlarmNotice, OperatorScope } from '../alarms/flood/notification-rule.ts';
import type { ResponseEvent } from '../alarms/response/response-events.ts';
import { DEFAULT_WEBHOOK_RETRY, nextRetryDelayMs, type WebhookRetryPolicy } from './webhook-backoff.ts';
import { vetHost, WebhookAddressError } from './webhook-address.ts';
import { postWebhook } from './webhook-post.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './webhook-signing.ts';
import type { PendingDelivery, WebhookStore } from './webhook-store.ts';
import type { AnyWebhookPayload, IncidentEventType, IncidentWebhookPayload, UnsentWebhookPayload, Webhook, WebhookPayload } from './webhook-types.ts';

/** The queue job that delivers one event to one hook. */
export const WEBHOOK_JOB = 'webhook.deliver';

/** Settings of webhook deliveries. */
export interface WebhookDeliveryOptions extends WebhookRetryPolicy {
  /** A receiver answering slower than this fails the try, ms. @defaultValue 10 s */
  timeoutMs: number;
  /** Deliveries in flight at once per hub. @defaultValue 4 */
  concurrency: number;
  /** How often hooks created on other hubs are picked up, ms. @defaultValue 30 s */
  refreshMs: number;
  /** Let hooks post to loopback, private, link-local … addresses (hub option `webhookAllowPrivate`; tests, closed networks). @defaultValue false */
  allowPrivate: boolean;
  /** Outbox entries that ended (delivered or given up) longer ago than this are removed, ms; checked at most hourly. @defaultValue 7 days */
  outboxRetentionMs: number;
}

/** How often ended outbox entries are looked for, ms. */
const OUTBOX_PRUNE_EVERY_MS = 3_600_000;

/** A hook an incident event was queued for (what the incident's timeline names). */
export interface WebhookRecipient {
  hookId: string;
  tier: Webhook['tier'];
  enterpriseId: string | null;
  /** The receiver's host (never the full URL: it may carry a token). */
  host: string;
}

/** The end of one (hook, event) delivery: delivered, or given up after its retries. */
export type DeliveryOutcomeListener = (outcome: { hookId: string; eventId: string; event: string; outcome: 'delivered' | 'gave-up'; at: number }) => void;

export const DEFAULT_WEBHOOK_DELIVERY: WebhookDeliveryOptions = { ...DEFAULT_WEBHOOK_RETRY, timeoutMs: 10_000, concurrency: 4, refreshMs: 30_000, allowPrivate: false, outboxRetentionMs: 7 * 86_400_000 };

/** What a delivery job carries: the event as it was, to one hook, and which try this is. */
interface DeliveryJob {
  hookId: string;
  payload: UnsentWebhookPayload;
  attempt: number;
  firstTryAt: number;
}

/** What the notifier needs from the hub. */
export interface WebhookNotifierDeps {
  store: WebhookStore;
  queue: JobQueue;
  now: () => number;
  /** The operator scopes that see an alarm (null: the site's full viewers; else the enterprises). */
  scopesOf: (alarm: AlarmView) => readonly OperatorScope[];
  onError: (err: unknown) => void;
  options?: Partial<WebhookDeliveryOptions>;
}

/**
 * Webhooks to enterprise systems: raised alarms (after grouping: by default only those that
 * notify the hook's scope) and graded-response events go, as signed JSON, to the hooks of
 * the tenants that may see the alarm — an enterprise's hook never gets another enterprise's
 * alarm. Each try is a queue job; a failed one is followed by the next after a capped
 * exponential backoff with jitter (webhook-backoff.ts, ~2 h by default), and a delivery that
 * runs out of time ends with a `gave-up` row. Every attempt is recorded with a generic error
 * class. Each (hook, event) waits in the outbox table until delivered or given up, and a week
 * more (against a second put of the same event; `pruneOutbox`); an embedded hub (in-process
 * queue) re-enqueues the open ones at start. The target host is vetted at
 * every try (webhook-address.ts). Matching runs in memory and only enqueues: ingest never
 * waits for a receiver.
 */
export class WebhookNotifier {
  private bySite = new Map<string, Webhook[]>();
  private readonly options: WebhookDeliveryOptions;
  private timer: NodeJS.Timeout | null = null;
  private prunedAt = -Infinity;

  constructor(private readonly deps: WebhookNotifierDeps) {
    this.options = { ...DEFAULT_WEBHOOK_DELIVERY, ...deps.options };
  }

  /** Deliveries given up since start (a health signal). */
  gaveUp = 0;

  /** Loads the hooks and starts working on delivery jobs (embedded: with the outbox's pending events). */
  async start(): Promise<void> {
    await this.refresh();
    this.deps.queue.process(WEBHOOK_JOB, (data) => this.deliver(data as DeliveryJob), this.options.concurrency);
    // BullMQ keeps its jobs in Redis across restarts; the in-process queue lost them.
    if (this.deps.queue.kind === 'in-process') for (const p of await this.deps.store.pending()) this.addTry(p, Math.max(0, p.nextTryAt - this.deps.now()));
    // Pruning is housekeeping: a failure is reported, it neither stops the start nor waits for a refresh.
    await this.pruneOutbox().catch(this.deps.onError);
    this.timer = setInterval(() => {
      void this.refresh().catch(this.deps.onError);
      void this.pruneOutbox().catch(this.deps.onError);
    }, this.options.refreshMs);
    this.timer.unref();
  }

  /**
   * Removes the outbox entries that ended more than `outboxRetentionMs` ago (at most once an hour; every hub may, the
   * delete is idempotent). Returns how many, or null when not due.
   */
  async pruneOutbox(): Promise<number | null> {
    const now = this.deps.now();
    if (now - this.prunedAt < OUTBOX_PRUNE_EVERY_MS) return null;
    this.prunedAt = now;
    return this.deps.store.pruneDone(now - this.options.outboxRetentionMs);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Reloads the hooks (after one was added or removed). */
  async refresh(): Promise<void> {
    const next = new Map<string, Webhook[]>();
    for (const hook of await this.deps.store.all()) next.set(hook.siteId, [...(next.get(hook.siteId) ?? []), hook]);
    this.bySite = next;
  }

  /** An activation (flood monitor): `alarm.raised` to the hooks that see it and want it. */
  onNotice(notice: AlarmNotice): void {
    if (!notice.raised) return;
    const { alarm } = notice;
    const hooks = this.hooksSeeing(alarm, notice.scopes).filter(({ hook, scope }) => {
      const wanted = hook.events.alarmRaised;
      return wanted !== null && alarm.level <= wanted.maxLevel && (!wanted.firstOutOnly || notice.notifies.includes(scope));
    });
    this.enqueue(hooks, 'alarm.raised', alarm, alarm.raisedAt ?? this.deps.now(), undefined);
  }

  /** A graded-response event (escalation, deadline, shutdown …): to the hooks that see its alarm and asked for it. */
  onResponseEvent(event: ResponseEvent): void {
    const { type, alarm, at, ...detail } = event;
    const hooks = this.hooksSeeing(alarm, this.deps.scopesOf(alarm)).filter(({ hook }) => hook.events.responses.includes(type));
    this.enqueue(hooks, `alarm.${type}`, alarm, at, detail);
  }

  /**
   * An incident event (e.g. the fire-brigade brief): to the site-wide hooks of the incident's
   * site and the hooks of the plants it concerns (auth/access.ts incidentEnterprises) that asked
   * for it. Returns the event id and whom it was queued for (empty: nobody subscribes); delivery
   * follows as for alarms (retries, outbox).
   */
  onIncidentEvent(type: IncidentEventType, incident: IncidentWebhookPayload['incident'] & { siteId: string; enterpriseIds: readonly string[] }, brief: IncidentWebhookPayload['brief'], at: number): { eventId: string; recipients: WebhookRecipient[] } {
    const hooks = (this.bySite.get(incident.siteId) ?? []).filter((h) => (h.enterpriseId === null || incident.enterpriseIds.includes(h.enterpriseId)) && (h.events.incidents ?? []).includes(type));
    const { siteId, enterpriseIds: _concerned, ...summary } = incident;
    const eventId = this.enqueuePayloads(hooks, (hook, id) => ({ id, event: `incident.${type}`, siteId, enterpriseId: hook.enterpriseId, at, incident: summary, brief }));
    return { eventId, recipients: hooks.map((h) => ({ hookId: h.id, tier: h.tier, enterpriseId: h.enterpriseId, host: new URL(h.url).host })) };
  }

  /** Subscribes to the end of each delivery (delivered or given up). */
  onOutcome(listener: DeliveryOutcomeListener): void {
    this.outcomeListeners.push(listener);
  }

  private readonly outcomeListeners: DeliveryOutcomeListener[] = [];

  private told(hookId: string, payload: UnsentWebhookPayload, outcome: 'delivered' | 'gave-up'): void {
    for (const l of this.outcomeListeners) {
      try {
        l({ hookId, eventId: payload.id, event: payload.event, outcome, at: this.deps.now() });
      } catch (err) {
        this.deps.onError(err);
      }
    }
  }

  /** Why a URL may not be a hook's (a 400 at creation), or null: its host must resolve to an allowed address. */
  async urlProblem(url: string): Promise<string | null> {
    try {
      await vetHost(new URL(url).hostname, this.options.allowPrivate);
      return null;
    } catch (err) {
      return err instanceof WebhookAddressError ? err.message : 'host not usable';
    }
  }

  /** The site's hooks whose tenant sees the alarm, each with the scope it speaks for. */
  private hooksSeeing(alarm: AlarmView, scopes: readonly OperatorScope[]): { hook: Webhook; scope: OperatorScope }[] {
    return (this.bySite.get(alarm.siteId) ?? []).filter((hook) => scopes.includes(hook.enterpriseId)).map((hook) => ({ hook, scope: hook.enterpriseId }));
  }

  private enqueue(hooks: { hook: Webhook }[], event: string, alarm: AlarmView, at: number, detail: Record<string, unknown> | undefined): void {
    this.enqueuePayloads(hooks.map((h) => h.hook), (hook, id) => ({ id, event, siteId: alarm.siteId, enterpriseId: hook.enterpriseId, at, alarm, ...(detail ? { detail } : {}) }));
  }

  /** Puts one event (one id) for each hook into the outbox and queues its first try; the event id. */
  private enqueuePayloads(hooks: readonly Webhook[], payloadFor: (hook: Webhook, id: string) => UnsentWebhookPayload): string {
    const id = randomUUID();
    const firstTryAt = this.deps.now();
    for (const hook of hooks) {
      const pending: PendingDelivery = { hookId: hook.id, payload: payloadFor(hook, id), attempt: 1, firstTryAt, nextTryAt: firstTryAt };
      // Into the outbox first (a restart re-enqueues it), then tried; a database hiccup delays nothing.
      void this.deps.store
        .putPending(pending)
        .catch(this.deps.onError)
        .then(() => this.addTry(pending, 0));
    }
    return id;
  }

  /** Queues one try. */
  private addTry(p: PendingDelivery, delayMs: number): void {
    const job: DeliveryJob = { hookId: p.hookId, payload: p.payload, attempt: p.attempt, firstTryAt: p.firstTryAt };
    // BullMQ refuses ":" in ids; one job per try, so a re-enqueue at start never doubles a try that is queued.
    this.deps.queue.add(WEBHOOK_JOB, job, { jobId: `${p.hookId}.${p.payload.id}.${p.attempt}`, delayMs }).catch(this.deps.onError);
  }

  /** One try: sign, POST to the vetted address, record; a failure queues the next try, or gives up. */
  private async deliver(job: DeliveryJob): Promise<void> {
    const { store, now } = this.deps;
    const hook = this.hookById(job.hookId) ?? (await store.get(job.hookId));
    const eventId = job.payload.id;
    if (!hook || hook.deletedAt !== null) return void (await store.updatePending(job.hookId, eventId, { doneAt: now() })); // removed meanwhile
    const sentAt = now();
    const body = JSON.stringify({ ...job.payload, sentAt } satisfies AnyWebhookPayload);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'SafeTwin-Webhooks/1',
      [SIGNATURE_HEADER]: signBody(hook.secret, body),
      [TIMESTAMP_HEADER]: String(sentAt),
      [EVENT_HEADER]: job.payload.event,
      [DELIVERY_HEADER]: eventId,
    };
    const { statusCode, error } = await postWebhook(hook.url, headers, body, { timeoutMs: this.options.timeoutMs, allowPrivate: this.options.allowPrivate });
    const row = { eventId, event: job.payload.event, alarmId: 'alarm' in job.payload ? job.payload.alarm.id : null, attempt: job.attempt, statusCode, error, at: sentAt };
    if (error === null) {
      await store.record(hook.id, { ...row, outcome: 'delivered' });
      await store.updatePending(hook.id, eventId, { doneAt: now() });
      return this.told(hook.id, job.payload, 'delivered');
    }
    const delayMs = nextRetryDelayMs(this.options, job.attempt, now() - job.firstTryAt);
    await store.record(hook.id, { ...row, outcome: 'failed' });
    if (delayMs === null) {
      this.gaveUp++;
      await store.record(hook.id, { ...row, error: 'gave-up', statusCode: null, outcome: 'gave-up', at: now() });
      await store.updatePending(hook.id, eventId, { doneAt: now() });
      this.told(hook.id, job.payload, 'gave-up');
      this.deps.onError(new Error(`webhook ${hook.id}: gave up on event ${eventId} (${job.payload.event}) after ${job.attempt} tries`));
      return;
    }
    const next = { hookId: hook.id, payload: job.payload, attempt: job.attempt + 1, firstTryAt: job.firstTryAt, nextTryAt: now() + delayMs };
    await store.updatePending(hook.id, eventId, next);
    this.addTry(next, delayMs);
  }

  private hookById(id: string): Webhook | undefined {
    for (const hooks of this.bySite.values()) for (const h of hooks) if (h.id === id) return h;
    return undefined;
  }
}
