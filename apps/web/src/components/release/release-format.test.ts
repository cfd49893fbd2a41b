import { describe, expect, it } from 'vitest';
import { demoSites } from '@safetwin/twin-models';
import { formatAfter, formatAgeS, formatInventory, formatKm, formatPpm, nearestEquipment, sourceEquipment } from './release-format.ts';

describe('release sources of the demo park', () => {
  const park = demoSites().find((s) => s.kind === 'chemical-park')!;
  const list = sourceEquipment(park);
  it('lists equipment holding a chemical, those the engine can model first', () => {
    expect(list.length).toBeGreaterThan(5);
    expect(list.some((e) => e.id === 'CP-E1-TK-01' && e.chemical === 'Cl2' && e.inventoryKg === 150_000 && e.modellable)).toBe(true);
    const firstUnmodellable = list.findIndex((e) => !e.modellable);
    if (firstUnmodellable >= 0) expect(list.slice(firstUnmodellable).every((e) => !e.modellable)).toBe(true);
  });
  it('picks the nearest equipment to a click within 60 m, none further away', () => {
    const tank = list.find((e) => e.id === 'CP-E1-TK-01')!;
    expect(nearestEquipment(list, tank.eastM - 3, tank.northM + 2)?.id).toBe('CP-E1-TK-01');
    expect(nearestEquipment(list, 50_000, 50_000)).toBeNull();
  });
  it('a mine has no release sources', () => {
    expect(sourceEquipment(demoSites().find((s) => s.kind === 'coal-mine')!)).toEqual([]);
  });
});

describe('formatting', () => {
  it('says inventories, distances, concentrations and times as people read them', () => {
    expect(formatInventory(150_000)).toBe('150 t');
    expect(formatInventory(800)).toBe('800 kg');
    expect(formatKm(1957.7)).toBe('1.96');
    expect(formatKm(12381.7)).toBe('12.4');
    expect(formatPpm(0.5)).toBe('0.5');
    expect(formatPpm(1234.5)).toBe('1,235');
    expect(formatAfter(150)).toBe('2 min 30 s');
    expect(formatAfter(45)).toBe('45 s');
    expect(formatAfter(120)).toBe('2 min');
    expect(formatAgeS(40)).toBe('40 s');
    expect(formatAgeS(200)).toBe('3 min');
  });
});
