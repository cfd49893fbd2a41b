// The points of interest of a run named in the wall's language. The hub gives each point an id
// `<kind>:<site id>` (apps/realtime sim-runs/site-points.ts) and an English label; the wall has the
// site description with both languages' names, so it words the point itself and falls back to the
// hub's label for a point the description does not hold.
import type { Site } from '@safetwin/twin-models';
import { nameIn } from '../../i18n/hub-text.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { MessageKey, Translate } from '../../i18n/messages-core.ts';
import type { releaseMessages } from '../../i18n/messages/release.ts';

/** The name of point `pointId` in `locale` from `site`, or null when the site has no such item. */
export function pointNameIn(pointId: string, site: Site, locale: Locale, t: Translate<MessageKey<typeof releaseMessages>>): string | null {
  const colon = pointId.indexOf(':');
  if (colon < 0) return null;
  const kind = pointId.slice(0, colon), id = pointId.slice(colon + 1);
  if (site.kind === 'chemical-park') {
    switch (kind) {
      case 'assembly-point': {
        const ap = site.assemblyPoints.find((a) => a.id === id);
        return ap ? t('pointAssembly', { name: nameIn(ap.name, locale), persons: ap.capacityPersons }) : null;
      }
      case 'building': {
        const b = site.buildings.find((x) => x.id === id);
        return b ? t('pointBuilding', { name: nameIn(b.name, locale), day: b.occupancy.dayPersons, night: b.occupancy.nightPersons }) : null;
      }
      case 'gate': {
        const g = site.gates.find((x) => x.id === id);
        return g ? nameIn(g.name, locale) : null;
      }
      case 'control-room':
      case 'occupied-equipment': {
        const e = site.equipment.find((x) => x.id === id);
        return e ? nameIn(e.name, locale) : null;
      }
      default:
        return null;
    }
  }
  if (kind !== 'intake-shaft') return null;
  const shaft = site.roadways.edges.find((r) => r.id === id);
  return shaft ? t('pointShaft', { name: nameIn(shaft.name, locale) }) : null;
}
