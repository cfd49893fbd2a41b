import { describe, expect, it } from 'vitest';
import { CHEMICALS } from './library.ts';
import { defaultLevelsOfConcern, findChemical, requireChemical } from './lookup.ts';

// DESIGN.md §5 "Toxic levels of concern (ppm)": AEGL-1/2/3 (60 min), ERPG-1/2/3, IDLH.
const DESIGN_TABLE = [
  { title: 'chlorine', id: 'Cl2', aegl60: [0.5, 2.0, 20], erpg: [1, 3, 20], idlh: 10 },
  { title: 'ammonia', id: 'NH3', aegl60: [30, 160, 1100], erpg: [25, 150, 750], idlh: 300 },
  { title: 'hydrogen sulfide', id: 'H2S', aegl60: [0.51, 27, 50], erpg: [0.1, 30, 100], idlh: 100 },
  { title: 'hydrogen chloride', id: 'HCl', aegl60: [1.8, 22, 100], erpg: undefined, idlh: 50 },
  { title: 'sulfur dioxide', id: 'SO2', aegl60: [0.2, 0.75, 30], erpg: undefined, idlh: 100 },
  { title: 'carbon monoxide', id: 'CO', aegl60: [undefined, 83, 330], erpg: undefined, idlh: 1200 },
];

describe('chemical library', () => {
  it('holds the substances issue 4 asks for, by formula and CAS', () => {
    for (const [formula, cas] of [['Cl2', '7782-50-5'], ['NH3', '7664-41-7'], ['H2S', '7783-06-4'], ['HCl', '7647-01-0'], ['HF', '7664-39-3'], ['SO2', '7446-09-5'], ['CO', '630-08-0'], ['CH4', '74-82-8'], ['C3H8', '74-98-6'], ['LPG', '68476-85-7']] as const) {
      expect(findChemical(formula)?.cas, formula).toBe(cas);
      expect(findChemical(cas)?.id, cas).toBe(formula);
    }
    expect(findChemical('chlorine')?.id).toBe('Cl2');
    expect(() => requireChemical('XYZ')).toThrow(/unknown chemical/);
  });

  it('gives every numeric property a source', () => {
    for (const c of CHEMICALS) {
      for (const f of ['molarMassKgMol', 'boilingPointK', 'liquidDensityKgM3', 'liquidHeatCapacityJKgK', 'heatOfVaporizationJKg', 'heatCapacityRatio', 'aeglPpm', 'erpgPpm', 'idlhPpm'] as const) {
        if (c[f] !== undefined) expect(c.sources[f], `${c.id}.${f} has a source`).toBeTruthy();
      }
      if (c.lelVolPct !== undefined) expect(c.sources.flammability, `${c.id} flammability source`).toBeTruthy();
    }
  });

  for (const row of DESIGN_TABLE) {
    it(`matches DESIGN.md §5 for ${row.title}`, () => {
      const c = requireChemical(row.id);
      const a = c.aeglPpm!;
      expect([a.aegl1.min60, a.aegl2.min60, a.aegl3.min60], `${row.title} AEGL 60 min`).toEqual(row.aegl60);
      if (row.erpg) expect([c.erpgPpm?.erpg1, c.erpgPpm?.erpg2, c.erpgPpm?.erpg3], `${row.title} ERPG`).toEqual(row.erpg);
      expect(c.idlhPpm, `${row.title} IDLH`).toBe(row.idlh);
    });
  }

  it('orders default levels of concern red AEGL-3, orange AEGL-2, yellow AEGL-1 (ALOHA)', () => {
    expect(defaultLevelsOfConcern(requireChemical('Cl2'))).toEqual([
      { label: 'AEGL-3 (60 min)', ppm: 20, color: 'red' },
      { label: 'AEGL-2 (60 min)', ppm: 2, color: 'orange' },
      { label: 'AEGL-1 (60 min)', ppm: 0.5, color: 'yellow' },
    ]);
    expect(defaultLevelsOfConcern(requireChemical('CO')).map((l) => l.color)).toEqual(['red', 'orange']);
    expect(defaultLevelsOfConcern(requireChemical('NH3'), 'min10').map((l) => l.ppm)).toEqual([2700, 220, 30]);
  });
});
