import 'server-only';
import type { Site } from '@safetwin/twin-models';
import { hubSite, hubSiteDevices } from './hub-client.ts';
import { HubError } from './hub-error.ts';
import type { DeviceInfo, SiteSummary } from './hub-types.ts';
import { sitesFor } from './session.ts';
import { deviceLabels } from './site-labels.ts';
import type { Locale } from '../i18n/locale.ts';

/** What the site wall needs from the hub; `summary` is null when the user may not see the site. */
export interface SiteWallData {
  summary: SiteSummary | null;
  /** The twin description as scoped to this user by the hub. */
  site: Site | null;
  /** The devices the user may see, labelled from the description. */
  devices: DeviceInfo[];
}

/** Checks that the hub's answer is a site description of a kind this wall draws (the hub validated it at load). */
function asSite(value: unknown, siteId: string): Site {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind !== 'chemical-park' && kind !== 'coal-mine') {
    throw new HubError('hub:bad-response', `hub /sites/${siteId} did not return a chemical park or coal mine description`, 200);
  }
  return value as Site;
}

/** Loads the site's summary, description and devices (labelled in `locale`) for the wall, all scoped to the user by the hub. */
export async function loadSiteWall(token: string, siteId: string, locale: Locale): Promise<SiteWallData> {
  const sites = await sitesFor(token);
  const summary = sites.find((site) => site.id === siteId) ?? null;
  if (!summary) return { summary: null, site: null, devices: [] };
  const [description, devices] = await Promise.all([hubSite(token, siteId), hubSiteDevices(token, siteId)]);
  const site = asSite(description, siteId);
  const labels = deviceLabels(site, locale);
  return {
    summary,
    site,
    devices: devices.map((device) => (device.label || !labels[device.deviceId] ? device : { ...device, label: labels[device.deviceId] })),
  };
}
