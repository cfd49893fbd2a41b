import type { Metadata } from 'next';
import { HubErrorPanel } from '../../components/HubErrorPanel.tsx';
import { SiteList } from '../../components/SiteList.tsx';
import { pageHubError } from '../../lib/hub-page-error.ts';
import { requireSession, sitesFor } from '../../lib/session.ts';
import { hubUrl } from '../../lib/server-config.ts';

export const metadata: Metadata = { title: 'Sites' };

/** `/`: the sites the signed-in user may see. */
export default async function SitesPage() {
  try {
    const session = await requireSession();
    const sites = await sitesFor(session.token);
    return (
      <>
        <div className="page-head">
          <h1>Sites</h1>
          <p className="muted">
            {sites.length} {sites.length === 1 ? 'site' : 'sites'} you may supervise
          </p>
        </div>
        <SiteList sites={sites} />
      </>
    );
  } catch (error) {
    return <HubErrorPanel error={pageHubError(error)} hubUrl={hubUrl()} />;
  }
}
