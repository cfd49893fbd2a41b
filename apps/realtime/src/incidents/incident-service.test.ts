// The incident service on its store (no hub): lifecycle, timeline atomicity, assessments,
// two writers on one row, restore. PGlite always, PostgreSQL when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type SqlClient } from '@safetwin/db';
import type { IncidentView } from '@safetwin/protocol';
import { IncidentTransitionError } from './incident-lifecycle.ts';
import { IncidentNotFoundError, IncidentService } from './incident-service.ts';
import { IncidentStore } from './incident-store.ts';
import { declaredInput, estimateNaming, gasAlarm, sampleAssessment } from './incident-test-support.ts';

for (const backend of testBackends()) {
  describe(`incident service (${backend.name})`, () => {
    let db: SqlClient;
    let dispose: () => Promise<void>;
    let clock = 1_800_000_000_000;
    const now = () => clock;
    const emitted: IncidentView[] = [];
    /** The version each emitted one replaced (null: created). */
    const replaced: (IncidentView | null)[] = [];
    const errors: unknown[] = [];
    const newService = () => new IncidentService({ store: new IncidentStore(db), emit: (i, previous) => { emitted.push(i); replaced.push(previous); }, now, log: (e) => errors.push(e) });
    let service: IncidentService;

    beforeAll(async () => {
      ({ client: db, dispose } = await backend.open());
      service = newService();
    });
    afterAll(async () => dispose());

    const timelineKinds = async (id: string) => (await service.detail(id)).timeline.map((e) => e.kind);

    it('walks the lifecycle, records who and why, and refuses what it does not allow', async () => {
      const created = await service.create(declaredInput('cp-test'));
      expect(created.state).toBe('detected');
      expect(emitted.at(-1)?.id).toBe(created.id);
      expect(replaced.at(-1)).toBeNull();
      clock += 1000;
      await service.transition(created.id, 'assessing', 'system', 'first assessment requested');
      await service.transition(created.id, 'responding', 'system', 'plan');
      const contained = await service.transition(created.id, 'contained', 'alice', 'valves closed, readings falling');
      expect(contained.milestones.containedAt).toBe(clock);
      const err = await service.transition(created.id, 'assessing', 'alice', 'back').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IncidentTransitionError);
      expect((err as Error).message).toContain('contained');
      expect((err as Error).message).toContain('assessing');
      clock += 1000;
      const closed = await service.transition(created.id, 'closed', 'alice', 'all clear');
      expect(closed.milestones.closedAt).toBe(clock);
      const final = await service.transition(created.id, 'responding', 'alice', 'again').catch((e: unknown) => e);
      expect(final).toBeInstanceOf(IncidentTransitionError);
      expect((final as Error).message).toMatch(/closed.*responding.*final/);
      const detail = await service.detail(created.id);
      expect(detail.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(detail.timeline.at(-1)).toMatchObject({ kind: 'state', actor: 'alice', data: { from: 'contained', to: 'closed', reason: 'all clear' } });
      expect(service.openIncidents().some((i) => i.id === created.id)).toBe(false);
    });

    it('returns a contained incident to responding when an alarm joins, keeping the worst level and the first alarm time', async () => {
      const created = await service.create(declaredInput('cp-test'));
      await service.transition(created.id, 'contained', 'alice', 'leak stopped');
      const alarm = gasAlarm('cp-test', 'gd-7', clock - 5000, { level: 2, groupId: 'g-1' });
      const tank = { zh: '1#氯罐', en: 'Chlorine tank 1' };
      const joined = await service.joinAlarm(created.id, alarm, tank);
      expect(joined).toMatchObject({ state: 'responding', level: 2, alarmIds: [alarm.id], alarmGroupIds: ['g-1'] });
      expect(joined.milestones.firstAlarmAt).toBe(clock - 5000);
      const again = await service.joinAlarm(created.id, { ...alarm, level: 1, raisedAt: clock }, tank);
      expect(again.level).toBe(1);
      expect(again.alarmIds).toEqual([alarm.id]);
      expect(again.milestones.firstAlarmAt).toBe(clock - 5000);
      expect(await timelineKinds(created.id)).toEqual(['created', 'state', 'alarm-joined', 'state', 'alarm-joined']);
      // Each entry keeps its English and, stored beside it, the sentence for the wall's language: a person's reason as typed,
      // the hub's own as a key; the unit by its names in both languages.
      const [, typed, joinedEvent, back] = (await service.detail(created.id)).timeline;
      expect(typed!.message).toBe('detected → contained: leak stopped');
      expect(typed!.messageText).toEqual({ key: 'event.state', values: { from: { key: 'state.detected', values: {} }, to: { key: 'state.contained', values: {} }, reason: 'leak stopped' } });
      expect(joinedEvent!.message).toContain('near Chlorine tank 1');
      expect(joinedEvent!.messageText).toMatchObject({ key: 'event.alarm-joined', values: { level: 2, device: 'gd-7', unit: tank } });
      expect(back!.messageText).toMatchObject({ key: 'event.state', values: { reason: { key: 'reason.alarm-after-containment', values: { alarm: alarm.id } } } });
    });

    it('writes a change and its timeline entries together or not at all', async () => {
      const created = await service.create(declaredInput('cp-test'));
      const before = await new IncidentStore(db).get(created.id);
      // An entry the table refuses (actor NOT NULL): the state change in the same transaction must not land either.
      const store = new IncidentStore(db);
      const next = { ...created, state: 'contained' as const, updatedAt: clock + 1 };
      await expect(store.update(before!, next, [{ at: clock, kind: 'state', actor: 'alice', message: 'ok', data: null }, { at: clock, kind: 'note', actor: null as never, message: 'bad', data: null }])).rejects.toThrow();
      const after = await store.get(created.id);
      expect(after).toMatchObject({ version: before!.version, lastEventSeq: before!.lastEventSeq, view: { state: 'detected' } });
      expect(await timelineKinds(created.id)).toEqual(['created']);
      // Through the service: the failed record leaves memory and the walls untouched, the next change still lands.
      const emittedBefore = emitted.length;
      await expect(service.record(created.id, { kind: 'note', actor: null as never, message: 'bad' })).rejects.toThrow();
      expect(emitted.length).toBe(emittedBefore);
      await service.record(created.id, { kind: 'note', actor: 'alice', message: 'wind picking up' });
      expect(await timelineKinds(created.id)).toEqual(['created', 'note']);
    });

    it('stores an assessment: latest on the incident, a compact timeline entry, responding with a plan, assessedAt once complete', async () => {
      const created = await service.create(declaredInput('cp-test'));
      await service.transition(created.id, 'assessing', 'system', 'first assessment requested');
      const partial = await service.recordAssessment(created.id, sampleAssessment(1, clock, false));
      expect(partial).toMatchObject({ state: 'assessing', milestones: { assessedAt: null } });
      clock += 2000;
      const full = await service.recordAssessment(created.id, sampleAssessment(2, clock));
      expect(full).toMatchObject({ state: 'responding', milestones: { assessedAt: clock }, people: { inZone: 5, evacuating: 40, sheltered: 5, safe: 12 } });
      expect(full.assessment?.seq).toBe(2);
      const older = await service.recordAssessment(created.id, sampleAssessment(1, clock));
      expect(older.assessment?.seq).toBe(2);
      const { timeline } = await service.detail(created.id);
      const entry = timeline.filter((e) => e.kind === 'assessment').at(-1)!;
      expect(entry.data).toMatchObject({ seq: 2, topCandidate: { id: 'tank-1', probability: 0.82 }, valvesRank1: ['v-1'], evacuate: ['b-office'], unusableAssemblyPoints: ['ap-2'] });
      expect(JSON.stringify(entry.data)).not.toContain('ringLonLat');
      expect(timeline.at(-1)).toMatchObject({ kind: 'state', data: { from: 'assessing', to: 'responding' } });
    });

    it('keeps a plant on the incident while its candidate stays at 5 % or more, across a restart (stored with the incident)', async () => {
      const created = await service.create(declaredInput('cp-test'));
      expect(created.concerns).toEqual(['ent-a']);
      const naming = (seq: number, p: number) => estimateNaming(seq, clock, [{ id: 'tank-1', enterpriseId: 'ent-a', probability: 1 - p }, { id: 'pump-b', enterpriseId: 'ent-b', probability: p }]);
      expect((await service.recordAssessment(created.id, naming(1, 0.12))).concerns).toEqual(['ent-a', 'ent-b']);
      expect((await service.recordAssessment(created.id, naming(2, 0.07))).concerns).toEqual(['ent-a', 'ent-b']);
      // Another hub starting now reads the plants from the row: 7 % keeps ent-b there too.
      const other = newService();
      await other.restore();
      expect((await other.get(created.id)).concerns).toEqual(['ent-a', 'ent-b']);
      expect((await other.recordAssessment(created.id, naming(3, 0.07))).concerns).toEqual(['ent-a', 'ent-b']);
      expect((await other.recordAssessment(created.id, naming(4, 0.03))).concerns).toEqual(['ent-a']);
      expect((await other.recordAssessment(created.id, naming(5, 0.07))).concerns, '7 % does not bring a plant back in').toEqual(['ent-a']);
      expect((await new IncidentStore(db).get(created.id))!.view.concerns).toEqual(['ent-a']);
    });

    it('reads a row written before the plants and the zones\' sources were stored: both worked out from its assessment', async () => {
      const created = await service.create(declaredInput('cp-test'));
      await service.recordAssessment(created.id, estimateNaming(1, clock, [{ id: 'tank-1', enterpriseId: 'ent-a', probability: 0.7 }, { id: 'pump-b', enterpriseId: 'ent-b', probability: 0.3 }]));
      const legacy = await db.query<{ assessment: unknown }>('SELECT assessment FROM incidents WHERE id = $1', [created.id]);
      const assessment = legacy[0]!.assessment as { zones: Record<string, unknown>[] };
      for (const z of assessment.zones) delete z.sourceIds;
      await db.query('UPDATE incidents SET concerns = NULL, assessment = $2::jsonb WHERE id = $1', [created.id, JSON.stringify(assessment)]);
      const read = (await new IncidentStore(db).get(created.id))!.view;
      expect(read.concerns).toEqual(['ent-a', 'ent-b']);
      expect(read.assessment!.zones.map((z) => z.sourceIds)).toEqual([['tank-1']]);
    });

    it('re-reads and applies again when another hub wrote the row in between; restores only open incidents', async () => {
      const created = await service.create(declaredInput('cp-test'));
      const closedOne = await service.create(declaredInput('cp-test'));
      await service.transition(closedOne.id, 'closed', 'alice', 'false alarm');
      const other = newService();
      const restored = await other.restore();
      expect(restored.map((i) => i.id)).toContain(created.id);
      expect(restored.map((i) => i.id)).not.toContain(closedOne.id);
      await service.transition(created.id, 'contained', 'alice', 'stopped');
      // `other` holds version 1 in memory: its write meets version 2, re-reads, and keeps the containment.
      await other.setValves(created.id, [], { valvesCommandedAt: clock });
      // What it emits replaced the stored version (the containment), not the one it held: the walls' audiences are compared with that.
      expect(replaced.at(-1)).toMatchObject({ id: created.id, state: 'contained' });
      expect(emitted.at(-1)).toMatchObject({ id: created.id, state: 'contained', milestones: { valvesCommandedAt: clock } });
      const now2 = await service.detail(created.id);
      expect(now2).toMatchObject({ state: 'contained', milestones: { valvesCommandedAt: clock } });
      expect(await other.get(created.id)).toMatchObject({ state: 'contained' });
      await expect(service.get('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(IncidentNotFoundError);
      await expect(service.get('not-a-uuid')).rejects.toBeInstanceOf(IncidentNotFoundError);
      expect(errors).toEqual([]);
    });
  });
}
