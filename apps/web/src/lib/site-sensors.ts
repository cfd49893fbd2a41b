import 'server-only';
import { hubSite, hubSiteDevices } from './hub-client.ts';
import { HubError } from './hub-error.ts';
import type { DeviceInfo, SiteSummary } from './hub-types.ts';
import { sitesFor } from './session.ts';
import { deviceLabels, enterpriseNames } from './site-labels.ts';
import type { Locale } from '../i18n/locale.ts';

/** What the sensor page needs about one site; `site` is null when the user may not see it. */
export interface SiteSensors {
  site: SiteSummary | null;
  /** The devices the user may see, labelled from the twin description where it names them. */
  devices: DeviceInfo[];
  enterpriseNames: Record<string, string>;
}

/** Loads a site's summary, devices and (best effort) the names from its twin description, in `locale`. */
export async function loadSiteSensors(token: string, siteId: string, locale: Locale): Promise<SiteSensors> {
  const [sites, devices, description] = await Promise.all([
    sitesFor(token),
    hubSiteDevices(token, siteId),
    // Names only make the list friendlier: without the description it still works.
    hubSite(token, siteId).catch((error: unknown) => {
      if (error instanceof HubError && !error.isAuthFailure) return null;
      throw error;
    }),
  ]);
  const labels = deviceLabels(description, locale);
  return {
    site: sites.find((site) => site.id === siteId) ?? null,
    devices: devices.map((device) => (device.label || !labels[device.deviceId] ? device : { ...device, label: labels[device.deviceId] })),
    enterpriseNames: enterpriseNames(description, locale),
  };
}
