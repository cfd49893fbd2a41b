import { describe, expect, it } from 'vitest';
import { getDemoSite, type ChemicalPark } from '@safetwin/twin-models';
import type { AssessmentSubject } from './assessment-input.ts';
import { assessIsolation, assessRelease, releaseDurationS } from './isolation-step.ts';
import { leakItem } from './leak-items.ts';
import type { ChosenSource } from './source-step.ts';

const park = getDemoSite('cp-nanjing') as ChemicalPark;
const NOW_MS = Date.UTC(2026, 10, 30, 8);
const subject: AssessmentSubject = {
  id: 'incident-1', siteId: park.id, chemical: 'Cl2', origin: 'alarm', declared: null, firstAlarmAt: NOW_MS - 60_000, createdAt: NOW_MS - 60_000,
  alarmDeviceIds: [], isolation: null, previous: null,
};
const chosenOf = (id: string): ChosenSource => {
  const item = leakItem(park, id)!;
  return { id, kind: item.kind, item, eastM: item.eastM, northM: item.northM, releaseHeightM: item.releaseHeightM, chemical: 'Cl2', rateKgS: 1, rateFrom: 'fitted', releaseStartMs: NOW_MS - 90_000, from: 'estimate' };
};

describe('assessIsolation with several likely sources', () => {
  // The chlorine tank CP-E1-TK-01 and the 3-m pipe stub CP-L-0001 between its nozzle and its first valve.
  const tank = 'CP-E1-TK-01';
  const stub = 'CP-L-0001';

  it('cuts off the stub and its tank together, where the stub alone cannot be cut off from the tank', () => {
    const alone = assessIsolation(park, chosenOf(stub), [leakItem(park, stub)!], subject, NOW_MS);
    expect(alone.view!.targets).toEqual([{ kind: 'pipe-segment', id: stub }]);
    expect(alone.view!.isolable).toBe(false);
    expect(alone.view!.unisolableFeeds).toContainEqual({ kind: 'equipment', id: tank });

    const both = assessIsolation(park, chosenOf(stub), [leakItem(park, stub)!, leakItem(park, tank)!], subject, NOW_MS);
    expect(both.view!.targets).toEqual([{ kind: 'pipe-segment', id: stub }, { kind: 'equipment', id: tank }]);
    expect(both.view!.isolable).toBe(true);
    expect(both.applied!.section.equipmentIds).toContain(tank);
    expect(both.view!.alternatives[0]!.valves.length).toBeGreaterThan(0);
  });

  it('leaves out a less likely source no valve can cut off, so the likelier ones are still isolated, and says so', () => {
    const other = 'CP-E1-TK-02';
    const step = assessIsolation(park, chosenOf(other), [leakItem(park, other)!, leakItem(park, stub)!], subject, NOW_MS);
    expect(step.view!.targets).toEqual([{ kind: 'equipment', id: other }]);
    expect(step.view!.isolable).toBe(true);
    expect(step.warnings.map((w) => w.en).join()).toMatch(new RegExp(`no valve set cuts off ${stub}.*${tank}`));
    // Keyed for the wall: the items left out and isolated, and the nested reason why.
    expect(step.warnings[0]!.text).toMatchObject({ key: 'assess.partly-isolated', values: { dropped: stub, kept: other, reason: { key: expect.stringMatching(/^isolation\./) } } });
  });

  it('each likely source releases until the same valves shut and the trapped inventory drains at its own rate', () => {
    // 10 kg/s: the tank's trapped inventory drains within isolatedRelease's one-day horizon.
    const chosen = { ...chosenOf(stub), rateKgS: 10 };
    const step = assessIsolation(park, chosen, [leakItem(park, stub)!, leakItem(park, tank)!], subject, NOW_MS);
    const own = releaseDurationS(chosen, step, chosen.releaseStartMs)!;
    expect(own).toBe(assessRelease(chosen, step, NOW_MS, 3600).durationS);
    expect(own).toBeLessThan(86_400 / 2);
    const tankSource = { ...chosenOf(tank), rateKgS: 10, releaseStartMs: chosen.releaseStartMs };
    expect(releaseDurationS(tankSource, step, chosen.releaseStartMs)).toBeCloseTo(own, 6);
    // Half the rate: the same trapped inventory takes twice as long to drain.
    const slower = releaseDurationS({ ...tankSource, rateKgS: 5 }, step, chosen.releaseStartMs)!;
    const drainS = step.applied!.trappedInventoryKg / chosen.rateKgS;
    expect(slower).toBeCloseTo(own + drainS, 3);
    // Began 60 s earlier: it has leaked 60 s longer when the same valves shut.
    expect(releaseDurationS({ ...tankSource, releaseStartMs: chosen.releaseStartMs - 60_000 }, step, chosen.releaseStartMs)).toBeCloseTo(own + 60, 6);
  });

  it('says why a leak cannot be cut off, and what else each set shuts down, in words a wall can put in its language', () => {
    const alone = assessIsolation(park, chosenOf(stub), [leakItem(park, stub)!], subject, NOW_MS).view!;
    const tankName = park.equipment.find((e) => e.id === tank)!.name;
    // The English as before, and the same sentence as a key with the tank by its names in both languages.
    expect(alone.reason).toMatch(new RegExp(`^cannot isolate: equipment ${tankName.en} \\(${tank}\\) reaches the leak without passing any open valve`));
    expect(alone.reasonText!.key).toMatch(/^isolation\.cannot/);
    expect(alone.reasonText!.values.feeds).toEqual({ key: 'isolation.feed-equipment', values: { name: { zh: tankName.zh, en: tankName.en }, id: tank } });

    const both = assessIsolation(park, chosenOf(stub), [leakItem(park, stub)!, leakItem(park, tank)!], subject, NOW_MS).view!;
    expect(both.reasonText!.key).toBe('isolation.isolable');
    for (const a of both.alternatives) {
      expect(a.sideEffectTexts).toHaveLength(a.sideEffects.length);
      a.sideEffectTexts!.forEach((t, i) => {
        expect(t.key).toMatch(/^isolation\.(loses-every-supply|loses-connection|boundary-joined)$/);
        if (t.key !== 'isolation.boundary-joined') expect(a.sideEffects[i]).toContain(`(${t.values.id})`);
      });
    }
    // The park's chlorine sets cut its consumers off: at least one set says what it shuts down.
    expect(both.alternatives.some((a) => a.sideEffects.length > 0)).toBe(true);
  });

  it('plans nothing for a point source', () => {
    const point: ChosenSource = { ...chosenOf(tank), id: null, kind: 'point', item: null };
    const step = assessIsolation(park, point, [], subject, NOW_MS);
    expect(step.view).toBeNull();
    expect(step.warnings.map((w) => w.en).join()).toMatch(/a point/);
    expect(step.warnings.map((w) => w.text.key)).toEqual(['assess.point-source']);
  });
});
