// IncidentAssessor on a real sim worker thread: the input gathered from RecentReadings travels to
// the thread as the 'incident-assessment' task and the view comes back as the pure function gives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqlClient } from '@safetwin/db';
import { getDemoSite, type ChemicalPark } from '@safetwin/twin-models';
import { ThreadSimExecutor } from '../../sim-runs/sim-executor.ts';
import { SiteRegistry } from '../../sites/site-registry.ts';
import { assessIncident } from './assess-incident.ts';
import type { AssessmentSubject } from './assessment-input.ts';
import { buildAssessmentInput } from './build-input.ts';
import { IncidentAssessor } from './incident-assessor.ts';
import { RecentReadings } from './recent-readings.ts';
import { playStagedLeak } from './staged-leak.ts';

const park = getDemoSite('cp-nanjing') as ChemicalPark;

describe('IncidentAssessor', () => {
  let db: SqlClient;
  let registry: SiteRegistry;
  let executor: ThreadSimExecutor;
  beforeAll(async () => {
    db = await openDatabase({});
    registry = new SiteRegistry(db);
    await registry.upsert(park);
    executor = new ThreadSimExecutor(1, 1);
  });
  afterAll(async () => {
    await executor.close();
    await db.close();
  });

  it('computes on a worker thread what assessIncident computes here', async () => {
    const recent = new RecentReadings(registry);
    const staged = playStagedLeak({ park, itemId: 'CP-E5-R-03', chemical: 'SO2', rateKgS: 1.5, afterStartS: 90 }, (r) => recent.observe(r));
    const subject: AssessmentSubject = {
      id: 'i-1', siteId: park.id, chemical: 'SO2', origin: 'alarm', declared: null, firstAlarmAt: staged.leakAtMs + 10_000, createdAt: staged.leakAtMs + 10_000,
      alarmDeviceIds: [], isolation: null, previous: null,
    };
    const assessor = new IncidentAssessor({ registry, executor, readings: recent, now: () => staged.nowMs });
    const view = await assessor.assess(subject, 3);
    const here = assessIncident(buildAssessmentInput(registry, recent, subject, 3, staged.nowMs));
    expect({ ...view, computeMs: 0 }).toEqual({ ...here, computeMs: 0 });
    expect(view.seq).toBe(3);
    expect(view.computeMs).toBeGreaterThanOrEqual(0);
    expect(view.zones.length).toBeGreaterThan(0);
    expect(view.isolation?.targets[0]?.id).toBe(view.source.chosen.id);
  }, 300_000);

  it('refuses a site that is not a stored chemical park (404)', async () => {
    const assessor = new IncidentAssessor({ registry, executor, readings: new RecentReadings(registry), now: Date.now });
    const subject: AssessmentSubject = { id: 'i-2', siteId: 'nowhere', chemical: 'Cl2', origin: 'declared', declared: null, firstAlarmAt: null, createdAt: 0, alarmDeviceIds: [], isolation: null, previous: null };
    await expect(assessor.assess(subject, 1)).rejects.toMatchObject({ statusCode: 404, message: expect.stringMatching(/siteId: no chemical park 'nowhere'/) });
  });
});
