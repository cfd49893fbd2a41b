// View types for what the hub's REST API returns to the web app (DESIGN.md §4, the hub's
// /sites and /sites/:id/devices). The wire types shared with other parts live in @safetwin/protocol.
import type { DeviceInfo as CatalogueDevice } from '@safetwin/twin-models';

/** What a site is: a chemical park (化工园区) or a coal mine (煤矿). */
export type SiteKind = 'chemical-park' | 'coal-mine';

/** A site's name: plain text, or Chinese and English as the twin descriptions hold it. */
export type SiteName = string | { zh: string; en: string };

/** One site as listed by `GET /api/v1/sites` (only the sites the user may see). */
export interface SiteSummary {
  id: string;
  name: SiteName;
  kind: SiteKind;
  origin: { latDeg: number; lonDeg: number; altM: number };
  /** Devices the user may see on this site. */
  deviceCount: number;
}

/** A metric's unit and measuring range as the device catalogue gives it. */
export type MetricInfo = CatalogueDevice['metrics'][string];

/** One device as listed by `GET /api/v1/sites/:id/devices`: the hub's catalogue entry (+ a label the page adds). */
export interface DeviceInfo extends CatalogueDevice {
  label?: string;
}
