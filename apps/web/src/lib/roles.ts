import type { Principal, Role } from '@safetwin/protocol';
import type { MessageKey, Translate } from '../i18n/messages-core.ts';
import type { appMessages } from '../i18n/messages/app.ts';

type AppKey = MessageKey<typeof appMessages>;

/** The message key each role is named by on screen. */
export const ROLE_LABEL_KEYS: Record<Role, AppKey> = {
  commander: 'roleCommander',
  'park-manager': 'roleParkManager',
  'safety-officer': 'roleSafetyOfficer',
  'drill-planner': 'roleDrillPlanner',
};

/** What a user may see, in words: "All sites", "Site: Nanjing Chemical Park", "Enterprise: E1 · Site: …". */
export function scopeText(user: Principal, siteName: (siteId: string) => string, t: Translate<AppKey>): string {
  if (user.role === 'commander' || user.role === 'drill-planner') return t('scopeAll');
  const site = user.siteId ? t('scopeSite', { site: siteName(user.siteId) }) : t('scopeNone');
  return user.enterpriseId ? t('scopeEnterprise', { enterprise: user.enterpriseId, site }) : site;
}
