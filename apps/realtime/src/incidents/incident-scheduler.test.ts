// The assessment loop with a test double of the assessor (the real one runs in the assessment's
// own integration test): first request, coalescing, reassessment on a joining alarm, the period,
// the stop on close, and the subject it builds. The service runs on PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type SqlClient } from '@safetwin/db';
import type { IncidentAssessmentView, IncidentView } from '@safetwin/protocol';
import type { AssessmentSubject } from './assessment/assessment-input.ts';
import { AssessmentScheduler, assessmentSubject } from './incident-scheduler.ts';
import { IncidentService } from './incident-service.ts';
import { IncidentStore } from './incident-store.ts';
import { declaredInput, gasAlarm, sampleAssessment } from './incident-test-support.ts';

/** An assessor whose runs the test finishes by hand, counting how many run at once. */
class HeldAssessor {
  readonly calls: { subject: AssessmentSubject; seq: number }[] = [];
  private releases: (() => void)[] = [];
  running = 0;
  maxRunning = 0;
  hold = true;

  aborted = 0;

  async assess(subject: AssessmentSubject, seq: number, signal?: AbortSignal): Promise<IncidentAssessmentView> {
    this.calls.push({ subject, seq });
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      // As the thread pool does: an abort ends the computation at once, with the signal's reason.
      if (this.hold) {
        await new Promise<void>((resolve, reject) => {
          this.releases.push(resolve);
          signal?.addEventListener('abort', () => (this.aborted++, reject(signal.reason)), { once: true });
        });
      }
    } finally {
      this.running--;
    }
    return sampleAssessment(seq, Date.now());
  }

  release(): void {
    for (const r of this.releases.splice(0)) r();
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('assessment scheduler', () => {
  const backend = testBackends()[0]!;
  let db: SqlClient;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ client: db, dispose } = await backend.open());
  });
  afterAll(async () => dispose());

  function setup(everyMs: number) {
    const errors: unknown[] = [];
    const service = new IncidentService({ store: new IncidentStore(db), emit: () => {}, now: Date.now, log: (e) => errors.push(e) });
    const assessor = new HeldAssessor();
    const handed: { incident: IncidentView; seq: number }[] = [];
    const scheduler = new AssessmentScheduler({
      service, assessor, everyMs, log: (e) => errors.push(e),
      actions: { onAssessment: (incident, a) => handed.push({ incident, seq: a.seq }) },
      deviceOfAlarm: (id) => id.split('/')[1],
    });
    return { service, assessor, handed, scheduler, errors };
  }

  it('assesses at once on creation (detected → assessing → responding), coalesces requests, and reassesses when an alarm joins', async () => {
    const { service, assessor, handed, scheduler, errors } = setup(60_000);
    const created = await service.create(declaredInput('cp-test'));
    await until('the first assessment to start', () => assessor.calls.length === 1);
    expect((await service.get(created.id)).state).toBe('assessing');
    // Three requests while one runs: one more run, never two at once.
    scheduler.request(created.id);
    scheduler.request(created.id);
    await service.joinAlarm(created.id, gasAlarm('cp-test', 'gd-3', Date.now(), { groupId: 'g-9' }), { zh: '1#氯罐', en: 'Chlorine tank 1' });
    assessor.release();
    await until('the coalesced second run', () => assessor.calls.length === 2);
    assessor.hold = false;
    assessor.release();
    await until('both handed to the actions', () => handed.length === 2);
    expect(assessor.maxRunning).toBe(1);
    expect(assessor.calls.map((c) => c.seq)).toEqual([1, 2]);
    expect(assessor.calls[1]!.subject.alarmDeviceIds).toEqual(['gd-3']);
    expect(handed.map((h) => h.seq)).toEqual([1, 2]);
    expect(handed[1]!.incident).toMatchObject({ state: 'responding', assessment: { seq: 2 } });
    await scheduler.close();
    expect(errors).toEqual([]);
  });

  it('reassesses every period while open and stops when the incident closes', async () => {
    const { service, assessor, scheduler, errors } = setup(100);
    assessor.hold = false;
    const created = await service.create(declaredInput('cp-test'));
    await until('three periodic assessments', () => assessor.calls.length >= 3);
    await service.transition(created.id, 'closed', 'alice', 'drill over');
    await new Promise((r) => setTimeout(r, 150)); // a run may have been under way when it closed
    const after = assessor.calls.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(assessor.calls.length).toBe(after);
    expect(scheduler.active).toBe(0);
    await scheduler.close();
    expect(errors).toEqual([]);
  });

  it('resumes the loop of restored incidents, numbering after their last assessment', async () => {
    const first = setup(60_000);
    first.assessor.hold = false;
    const created = await first.service.create(declaredInput('cp-test'));
    await until('an assessment stored', async () => (await first.service.get(created.id)).assessment?.seq === 1);
    await first.scheduler.close();
    const second = setup(60_000);
    second.assessor.hold = false;
    await second.service.restore();
    await until('the restored incident assessed', () => second.assessor.calls.some((c) => c.subject.id === created.id));
    expect(second.assessor.calls.find((c) => c.subject.id === created.id)!.seq).toBe(2);
    await second.scheduler.close();
  });

  it('stops a running assessment on close instead of waiting for it, and stores nothing from it', async () => {
    const { service, assessor, handed, scheduler, errors } = setup(60_000);
    const created = await service.create(declaredInput('cp-test'));
    await until('the assessment to start', () => assessor.calls.length === 1);
    // The computation never finishes by itself (a long dense-gas estimate): close must not wait for it.
    await scheduler.close();
    expect(assessor.aborted).toBe(1);
    expect(assessor.running).toBe(0);
    expect(handed).toEqual([]);
    expect((await service.get(created.id)).assessment).toBeNull();
    expect(errors).toEqual([]);
  });

  it('builds the subject: alarm devices once each, isolation decided when the first valve was commanded', () => {
    const incident = { ...sampleIncident(), alarmIds: ['s/gd-1/cl2_ppm/high', 's/gd-1/cl2_ppm/high-high', 's/gd-2/cl2_ppm/high'] };
    const valve = { ...sampleAssessment(1, 0).isolation!.alternatives[0]!.valves[0]!, state: 'commanded' as const, commandId: 'c-1', commandedAt: 5000, closedAt: null, confirmedAt: null, evidence: null };
    expect(assessmentSubject(incident, (id) => id.split('/')[1])).toMatchObject({ alarmDeviceIds: ['gd-1', 'gd-2'], isolation: null, previous: null });
    const withValves = { ...incident, valves: [valve, { ...valve, valveId: 'v-2', commandedAt: 4000 }] };
    expect(assessmentSubject(withValves, () => undefined).isolation).toEqual({ decidedAt: 4000, valveIds: ['v-1', 'v-2'] });
  });
});

function sampleIncident(): IncidentView {
  return {
    id: 'i-1', siteId: 's', enterpriseId: null, state: 'assessing', origin: 'alarm', title: 't', titleText: null, chemical: 'Cl2', level: 2, declared: null,
    alarmIds: [], alarmGroupIds: [], createdAt: 0, createdBy: 'system', updatedAt: 0,
    milestones: { firstAlarmAt: 0, assessedAt: null, valvesCommandedAt: null, isolatedAt: null, fireBrigadeNotifiedAt: null, containedAt: null, closedAt: null },
    assessment: null, valves: [], people: { inZone: 0, evacuating: 0, sheltered: 0, safe: 0 }, concerns: [],
  };
}
