import type { SiteName } from './hub-types.ts';

/** A site name for display: English first with the Chinese beside it when the hub gives both. */
export function siteNameParts(name: SiteName): { primary: string; secondary: string | null } {
  if (typeof name === 'string') return { primary: name, secondary: null };
  return { primary: name.en, secondary: name.zh === name.en ? null : name.zh };
}

/** A site name on one line: "Coastal Chemical Park 沿海化工园区". */
export function siteNameText(name: SiteName): string {
  const { primary, secondary } = siteNameParts(name);
  return secondary ? `${primary} ${secondary}` : primary;
}
