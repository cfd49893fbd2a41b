import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HubErrorPanel } from '../../../../../components/HubErrorPanel.tsx';
import { SiteKindBadge } from '../../../../../components/SiteKindBadge.tsx';
import { LiveSensorList } from '../../../../../components/sensors/LiveSensorList.tsx';
import { hubSiteDevices } from '../../../../../lib/hub-client.ts';
import { pageHubError } from '../../../../../lib/hub-page-error.ts';
import { requireSession, sitesFor } from '../../../../../lib/session.ts';
import { hubUrl, publicHubUrl } from '../../../../../lib/server-config.ts';

export const metadata: Metadata = { title: 'Sensors' };

/** `/sites/:id/sensors`: the site's devices the user may see, with live values from the hub. */
export default async function SiteSensorsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let loaded;
  try {
    const session = await requireSession();
    const [sites, devices] = await Promise.all([sitesFor(session.token), hubSiteDevices(session.token, id)]);
    loaded = { session, site: sites.find((site) => site.id === id), devices };
  } catch (error) {
    return <HubErrorPanel error={pageHubError(error)} hubUrl={hubUrl()} />;
  }
  const { session, site, devices } = loaded;
  if (!site) notFound();

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">Sites</Link> <span aria-hidden="true">/</span> <span>{site.name}</span>
      </nav>
      <div className="page-head">
        <h1>
          {site.name} <span className="page-head__sub">sensors</span>
        </h1>
        <SiteKindBadge kind={site.kind} />
      </div>
      <LiveSensorList siteId={site.id} devices={devices} token={session.token} hubUrl={publicHubUrl()} />
    </>
  );
}
