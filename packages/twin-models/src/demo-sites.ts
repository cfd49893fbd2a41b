// The demo sites, validated once and shared read-only.
import type { Site } from './schema/site.ts';
import { buildChemicalPark } from './sites/chemical-park/index.ts';
import { buildCoalMine } from './sites/coal-mine/index.ts';
import { parseSites } from './validate.ts';

let cache: readonly Site[] | null = null;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The demo sites (chemical park `cp-nanjing`, coal mine `cm-yangquan`), validated on first use, cached and deep-frozen. */
export function demoSites(): Site[] {
  cache ??= deepFreeze(parseSites([buildChemicalPark(), buildCoalMine()]));
  return [...cache];
}

/** One demo site by id, or undefined. */
export function getDemoSite(id: string): Site | undefined {
  return demoSites().find((s) => s.id === id);
}
