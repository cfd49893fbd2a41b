// What the twin's overview ("home") shows.
import type { PointOfInterest, TwinScene } from '@safetwin/twin-models';

/**
 * The overview frames this share of the site's bounding sphere: a flat site seen from 38° above
 * the horizon fills much less of the view than the sphere around it.
 */
export const OVERVIEW_FIT = 0.72;

/**
 * Where the overview looks: the whole site, or — when the view holds a single enterprise of a
 * park (a safety officer's scope) — that enterprise's plot.
 */
export function homePoi(scene: Pick<TwinScene, 'siteKind' | 'pois'>): PointOfInterest {
  const enterprises = scene.pois.filter((p) => p.kind === 'enterprise');
  const site = scene.pois.find((p) => p.kind === 'site');
  if (!site) throw new Error('homePoi: the scene has no site point of interest');
  return scene.siteKind === 'chemical-park' && enterprises.length === 1 ? enterprises[0]! : site;
}

/** The radius the overview frames for its subject, m. */
export function overviewRadiusM(home: PointOfInterest): number {
  return home.kind === 'site' ? home.radiusM * OVERVIEW_FIT : home.radiusM;
}
