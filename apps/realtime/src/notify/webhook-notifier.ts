import { randomUUID } from 'node:crypto';
import type { AlarmView } from '@safetwin/protocol';
import type { JobAttempt, JobQueue } from '../jobs/job-queue.ts';
import type { AlarmNotice, OperatorScope } from '../alarms/flood/notification-rule.ts';
import type { ResponseEvent } from '../alarms/response/response-events.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './webhook-signing.ts';
import type { WebhookStore } from './webhook-store.ts';
import type { Webhook, WebhookPayload } from './webhook-types.ts';

/** The queue job that delivers one event to one hook. */
export const WEBHOOK_JOB = 'webhook.deliver';

/** Settings of webhook deliveries. */
export interface WebhookDeliveryOptions {
  /** Tries per delivery. @defaultValue 6 */
  attempts: number;
  /** First retry after this, doubling each time (1, 2, 4, 8, 16 s), ms. @defaultValue 1000 */
  backoffMs: number;
  /** A receiver answering slower than this fails the try, ms. @defaultValue 10 s */
  timeoutMs: number;
  /** Deliveries in flight at once per hub. @defaultValue 4 */
  concurrency: number;
  /** How often hooks created on other hubs are picked up, ms. @defaultValue 30 s */
  refreshMs: number;
}

export const DEFAULT_WEBHOOK_DELIVERY: WebhookDeliveryOptions = { attempts: 6, backoffMs: 1000, timeoutMs: 10_000, concurrency: 4, refreshMs: 30_000 };

/** What a delivery job carries: the event as it was, to one hook. */
interface DeliveryJob {
  hookId: string;
  payload: Omit<WebhookPayload, 'sentAt'>;
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
 * alarm. Each delivery is a queue job retried with exponential backoff; every attempt is
 * recorded. Matching runs in memory and only enqueues: ingest never waits for a receiver.
 */
export class WebhookNotifier {
  private bySite = new Map<string, Webhook[]>();
  private readonly options: WebhookDeliveryOptions;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: WebhookNotifierDeps) {
    this.options = { ...DEFAULT_WEBHOOK_DELIVERY, ...deps.options };
  }

  /** Loads the hooks and starts working on delivery jobs. */
  async start(): Promise<void> {
    await this.refresh();
    this.deps.queue.process(WEBHOOK_JOB, (data, attempt) => this.deliver(data as DeliveryJob, attempt), this.options.concurrency);
    this.timer = setInterval(() => void this.refresh().catch(this.deps.onError), this.options.refreshMs);
    this.timer.unref();
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

  /** The site's hooks whose tenant sees the alarm, each with the scope it speaks for. */
  private hooksSeeing(alarm: AlarmView, scopes: readonly OperatorScope[]): { hook: Webhook; scope: OperatorScope }[] {
    return (this.bySite.get(alarm.siteId) ?? []).filter((hook) => scopes.includes(hook.enterpriseId)).map((hook) => ({ hook, scope: hook.enterpriseId }));
  }

  private enqueue(hooks: { hook: Webhook }[], event: string, alarm: AlarmView, at: number, detail: Record<string, unknown> | undefined): void {
    if (hooks.length === 0) return;
    const id = randomUUID();
    for (const { hook } of hooks) {
      const job: DeliveryJob = { hookId: hook.id, payload: { id, event, siteId: alarm.siteId, enterpriseId: hook.enterpriseId, at, alarm, ...(detail ? { detail } : {}) } };
      this.deps.queue.add(WEBHOOK_JOB, job, { jobId: `${hook.id}.${id}` /* BullMQ refuses ":" in ids */, attempts: this.options.attempts, backoffMs: this.options.backoffMs }).catch(this.deps.onError);
    }
  }

  /** One try: sign, POST, record; throws (so the queue retries) unless the receiver answered 2xx. */
  private async deliver(job: DeliveryJob, { attempt }: JobAttempt): Promise<void> {
    const hook = this.hookById(job.hookId) ?? (await this.deps.store.get(job.hookId));
    if (!hook) return; // deleted meanwhile: nothing to deliver
    const sentAt = this.deps.now();
    const body = JSON.stringify({ ...job.payload, sentAt } satisfies WebhookPayload);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        redirect: 'manual', // a redirect is an answer, not an invitation to post elsewhere
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'SafeTwin-Webhooks/1',
          [SIGNATURE_HEADER]: signBody(hook.secret, body),
          [TIMESTAMP_HEADER]: String(sentAt),
          [EVENT_HEADER]: job.payload.event,
          [DELIVERY_HEADER]: job.payload.id,
        },
        body,
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status > 299) error = `receiver answered ${res.status}`;
    } catch (err) {
      error = (err as Error).name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : String((err as Error).cause ?? (err as Error).message);
    }
    await this.deps.store.record(hook.id, { eventId: job.payload.id, event: job.payload.event, alarmId: job.payload.alarm.id, attempt, statusCode, error, at: sentAt });
    if (error !== null) throw new Error(`webhook ${hook.id} attempt ${attempt}: ${error}`);
  }

  private hookById(id: string): Webhook | undefined {
    for (const hooks of this.bySite.values()) for (const h of hooks) if (h.id === id) return h;
    return undefined;
  }
}
