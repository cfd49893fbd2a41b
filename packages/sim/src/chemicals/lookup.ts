// Finding a chemical by formula, CAS number or name, and reading its levels of concern.
import { SimError } from '../errors.ts';
import { CHEMICALS } from './library.ts';
import type { Chemical, DurationLevelsPpm } from './types.ts';

/** The chemical whose formula, id, CAS number or name matches `key` (case-insensitive), or undefined. */
export function findChemical(key: string): Chemical | undefined {
  const k = key.trim().toLowerCase();
  return CHEMICALS.find((c) => c.id.toLowerCase() === k || c.formula.toLowerCase() === k || c.cas === k || c.name.toLowerCase() === k);
}

/** Like findChemical but throws SimError('sim:unknown-chemical') naming the known ids. */
export function requireChemical(key: string, path = 'chemical'): Chemical {
  const c = findChemical(key);
  if (!c) throw new SimError('sim:unknown-chemical', `unknown chemical "${key}"; known: ${CHEMICALS.map((x) => `${x.id} (${x.cas})`).join(', ')}`, path);
  return c;
}

/** Exposure durations for which AEGLs are tabulated. */
export type AeglDuration = keyof DurationLevelsPpm;

const DURATION_LABEL: Record<AeglDuration, string> = { min10: '10 min', min30: '30 min', min60: '60 min', hour4: '4 h', hour8: '8 h' };

/** A level of concern with its label and ALOHA colour. */
export interface LevelOfConcern {
  label: string;
  ppm: number;
  /** ALOHA convention: red AEGL-3, orange AEGL-2, yellow AEGL-1 (plume-physics.md §8.1, §9). */
  color: 'red' | 'orange' | 'yellow';
}

/** ALOHA's default threat-zone levels: AEGL-3/2/1 at the given duration (default 60 min); tiers without a value are left out. */
export function defaultLevelsOfConcern(chemical: Chemical, duration: AeglDuration = 'min60'): LevelOfConcern[] {
  const a = chemical.aeglPpm;
  if (!a) return [];
  const tiers: [keyof typeof a, LevelOfConcern['color'], string][] = [
    ['aegl3', 'red', 'AEGL-3'],
    ['aegl2', 'orange', 'AEGL-2'],
    ['aegl1', 'yellow', 'AEGL-1'],
  ];
  const out: LevelOfConcern[] = [];
  for (const [tier, color, name] of tiers) {
    const ppm = a[tier][duration];
    if (ppm !== undefined) out.push({ label: `${name} (${DURATION_LABEL[duration]})`, ppm, color });
  }
  return out;
}
