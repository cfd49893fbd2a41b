import type { ReactNode } from 'react';
import { AppHeader } from '../../components/AppHeader.tsx';
import { HubErrorPanel } from '../../components/HubErrorPanel.tsx';
import { pageHubError } from '../../lib/hub-page-error.ts';
import { requireSession, sitesFor } from '../../lib/session.ts';
import { hubUrl } from '../../lib/server-config.ts';

/** Shell of every signed-in page: checks the session with the hub and shows the header. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  try {
    const session = await requireSession();
    const sites = await sitesFor(session.token);
    return (
      <>
        <AppHeader user={session.user} sites={sites} />
        <main className="app-main">{children}</main>
      </>
    );
  } catch (error) {
    return (
      <>
        <AppHeader user={null} sites={[]} />
        <main className="app-main">
          <HubErrorPanel error={pageHubError(error)} hubUrl={hubUrl()} />
        </main>
      </>
    );
  }
}
