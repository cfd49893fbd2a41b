import Link from 'next/link';
import type { Principal } from '@safetwin/protocol';
import { ROLE_LABEL_KEYS, scopeText } from '../lib/roles.ts';
import type { SiteSummary } from '../lib/hub-types.ts';
import { siteNameText } from '../lib/site-name.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { appMessages } from '../i18n/messages/app.ts';
import { getT } from '../i18n/server.ts';
import { LogoMark } from './LogoMark.tsx';
import { LogoutButton } from './LogoutButton.tsx';

/** The top bar of every signed-in page: product, who is signed in, their role and what they may see (null: the hub could not say). */
export async function AppHeader({ user, sites }: { user: Principal | null; sites: readonly SiteSummary[] }) {
  const t = await getT(appMessages);
  const siteName = (id: string) => {
    const site = sites.find((s) => s.id === id);
    return site ? siteNameText(site.name) : id;
  };
  return (
    <header className="app-header">
      <Link href="/" className="app-header__brand">
        <LogoMark size={36} />
        <span>SafeTwin</span>
      </Link>
      <nav className="app-header__nav" aria-label="Main">
        <Link href="/">{t('navRegion')}</Link>
      </nav>
      {user ? (
        <div className="app-header__user" data-testid="current-user">
          <span className="app-header__name">{user.displayName}</span>
          <span className="role-tag">{t(ROLE_LABEL_KEYS[user.role])}</span>
          <span className="app-header__scope">{scopeText(user, siteName, t)}</span>
        </div>
      ) : (
        <div className="app-header__user" />
      )}
      <LanguageSwitch />
      <LogoutButton label={t('logout')} />
    </header>
  );
}
