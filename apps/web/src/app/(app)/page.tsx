import type { Metadata } from 'next';
import { HubErrorPanel } from '../../components/HubErrorPanel.tsx';
import { RegionWall } from '../../components/region/RegionWall.tsx';
import { regionMessages } from '../../i18n/messages/region.ts';
import { getT } from '../../i18n/server.ts';
import { pageHubError } from '../../lib/hub-page-error.ts';
import { requireSession, sitesFor } from '../../lib/session.ts';
import { hubUrl, publicHubUrl } from '../../lib/server-config.ts';

/** The tab title in the request's language. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT(regionMessages);
  return { title: t('title') };
}

/** `/`: the region wall — every site the signed-in user may see on a globe, coloured by risk, with a card each. */
export default async function RegionPage() {
  try {
    const session = await requireSession();
    const sites = await sitesFor(session.token);
    if (sites.length === 0) {
      const t = await getT(regionMessages);
      return <p className="empty-note">{t('noSites')}</p>;
    }
    return <RegionWall sites={sites} token={session.token} hubUrl={publicHubUrl()} />;
  } catch (error) {
    return <HubErrorPanel error={pageHubError(error)} hubUrl={hubUrl()} />;
  }
}
