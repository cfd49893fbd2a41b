import type { Principal, Role } from '@safetwin/protocol';

/** How each role is named on screen. */
export const ROLE_LABELS: Record<Role, string> = {
  commander: 'Commander',
  'park-manager': 'Park manager',
  'safety-officer': 'Safety officer',
  'drill-planner': 'Drill planner',
};

/** What a user may see, in words: "All sites", "Site: Nanjing Chemical Park", "Enterprise: E1 · Site: …". */
export function scopeText(user: Principal, siteName: (siteId: string) => string): string {
  if (user.role === 'commander' || user.role === 'drill-planner') return 'All sites';
  const site = user.siteId ? `Site: ${siteName(user.siteId)}` : 'No site assigned';
  return user.enterpriseId ? `Enterprise: ${user.enterpriseId} · ${site}` : site;
}
