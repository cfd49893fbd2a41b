import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChemicalPark } from '@safetwin/twin-models';
import type { AlarmPoint } from '../alarms/alarm-engine.ts';
import { call, login, pollUntil, startTestHub, storeVariants } from '../test-support/test-hub.ts';

describe.each(storeVariants())('/alarm-groups for an officer ($name)', (variant) => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  beforeAll(async () => {
    hub = await startTestHub(variant);
  }, 180_000);
  afterAll(async () => {
    await hub?.dispose();
  });

  it("a two-enterprise group is shown from the officer's own members (first-out, unit, level, counts, times); filtered before the limit", { timeout: 60_000 }, async () => {
    const park = hub.registry.all().find((s) => s.kind === 'chemical-park') as ChemicalPark;
    const gas = park.sensors.filter((s) => s.kind.startsWith('gas-') && s.enterpriseId !== null && s.equipmentId);
    const a = gas[0]!;
    const b = gas.find((s) => s.enterpriseId !== a.enterpriseId)!;
    const point = (deviceId: string, enterpriseId: string, level: AlarmPoint['level']): AlarmPoint => ({ siteId: park.id, deviceId, enterpriseId, metric: 'm', kind: 'high', level, priority: 'high', setpoint: 1 });
    hub.alarmEngine.setCondition(point(a.id, a.enterpriseId!, 1), true, 5);
    hub.alarmEngine.setCondition(point(b.id, b.enterpriseId!, 3), true, 5);
    const alarmA = `${park.id}/${a.id}/m/high`;
    const alarmB = `${park.id}/${b.id}/m/high`;
    expect(await pollUntil(async () => hub.alarmEngine.get(alarmA) && hub.alarmEngine.get(alarmB))).toBeTruthy();
    // A group led by enterprise A's level-1 alarm that B's alarm joined later, and 3 newer groups of A only (closed, stored).
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const insertGroup = async (id: string, openedAt: number, members: [string, number][]) => {
      await hub.db.query(
        `INSERT INTO alarm_groups (id, site_id, unit, cause, first_out_alarm_id, top_level, opened_at, last_activation_at, closed_at, member_count, activation_count)
         VALUES ($1, $2, $3, 'process', $4, 1, $5, $6, $7, $8, $9)`,
        [id, park.id, a.equipmentId!, alarmA, new Date(openedAt), new Date(openedAt + 300_000), new Date(openedAt + 900_000), members.length, members.length + 5],
      );
      for (const [alarmId, joinedAt] of members) await hub.db.query(`INSERT INTO alarm_group_members (group_id, alarm_id, joined_at) VALUES ($1, $2, $3)`, [id, alarmId, new Date(joinedAt)]);
    };
    await insertGroup('mixed', t0, [[alarmA, t0], [alarmB, t0 + 120_000]]);
    for (let i = 1; i <= 3; i++) await insertGroup(`a-only-${i}`, t0 + i * 3_600_000, [[alarmA, t0 + i * 3_600_000]]);

    const officerB = await login(hub, `officer-${b.enterpriseId}`);
    const listed = (await call(hub, 'GET', `/alarm-groups?siteId=${park.id}&open=false&limit=1`, { token: officerB })).body.groups;
    expect(listed).toEqual([
      expect.objectContaining({ id: 'mixed', firstOutAlarmId: alarmB, unit: b.equipmentId, topLevel: 3, memberCount: 1, activationCount: 1, openedAt: t0 + 120_000 }),
    ]);
    expect(listed[0].lastActivationAt).toBeGreaterThanOrEqual(t0 + 120_000);
    const detail = (await call(hub, 'GET', '/alarm-groups/mixed', { token: officerB })).body;
    expect(detail.group).toMatchObject({ firstOutAlarmId: alarmB, unit: b.equipmentId, topLevel: 3, memberCount: 1 });
    expect(detail.firstOut.id).toBe(alarmB);
    expect(detail.members.map((m: { alarm: { id: string } }) => m.alarm.id)).toEqual([alarmB]);
    // Full viewers see the group as it is.
    const commander = await login(hub, 'commander');
    const all = (await call(hub, 'GET', `/alarm-groups?siteId=${park.id}&open=false&limit=10`, { token: commander })).body.groups as { id: string }[];
    expect(all.map((g) => g.id)).toEqual(['a-only-3', 'a-only-2', 'a-only-1', 'mixed']);
    expect((await call(hub, 'GET', '/alarm-groups/mixed', { token: commander })).body.group).toMatchObject({ firstOutAlarmId: alarmA, topLevel: 1, memberCount: 2 });
  });
});
