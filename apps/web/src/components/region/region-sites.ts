// The sites the region wall shows: the server's list of visible sites (names, places) joined
// with the latest status answer, most severe first so the site that needs attention leads.
import type { SiteKind, SiteName, SiteSummary } from '../../lib/hub-types.ts';
import type { SiteStatus, SiteStatusList } from '../../lib/region-status.ts';

/** One site on the region wall: where and what it is, and its latest status (null: none received). */
export interface RegionSite {
  id: string;
  name: SiteName;
  kind: SiteKind;
  origin: { latDeg: number; lonDeg: number };
  status: SiteStatus | null;
}

/** Sites of the page's list and of the status answer (a site new since the page loaded included), worst standing level first, then as listed. */
export function regionSites(summaries: readonly SiteSummary[], list: SiteStatusList | null): RegionSite[] {
  const byId = new Map(list?.sites.map((s) => [s.id, s]) ?? []);
  const out: RegionSite[] = summaries.map((s) => ({ id: s.id, name: s.name, kind: s.kind, origin: s.origin, status: byId.get(s.id) ?? null }));
  const listed = new Set(summaries.map((s) => s.id));
  for (const s of list?.sites ?? []) if (!listed.has(s.id)) out.push({ id: s.id, name: s.name, kind: s.kind, origin: s.origin, status: s });
  const severity = (site: RegionSite) => site.status?.worstLevel ?? 5;
  return out.map((site, index) => ({ site, index })).sort((a, b) => severity(a.site) - severity(b.site) || a.index - b.index).map((e) => e.site);
}
