import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HubErrorPanel } from '../../../../../components/HubErrorPanel.tsx';
import { SiteKindBadge } from '../../../../../components/SiteKindBadge.tsx';
import { LiveSensorList } from '../../../../../components/sensors/LiveSensorList.tsx';
import { pageHubError } from '../../../../../lib/hub-page-error.ts';
import { requireSession, type Session } from '../../../../../lib/session.ts';
import { loadSiteSensors, type SiteSensors } from '../../../../../lib/site-sensors.ts';
import { siteNameParts } from '../../../../../lib/site-name.ts';
import { hubUrl, publicHubUrl } from '../../../../../lib/server-config.ts';
import { getLocale } from '../../../../../i18n/server.ts';

export const metadata: Metadata = { title: 'Sensors' };

/** `/sites/:id/sensors`: the site's devices the user may see, with live values and standing alarms from the hub. */
export default async function SiteSensorsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let session: Session;
  let loaded: SiteSensors;
  try {
    session = await requireSession();
    loaded = await loadSiteSensors(session.token, id, await getLocale());
  } catch (error) {
    return <HubErrorPanel error={pageHubError(error)} hubUrl={hubUrl()} />;
  }
  const { site, devices } = loaded;
  if (!site) notFound();
  const name = siteNameParts(site.name);

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">Sites</Link> <span aria-hidden="true">/</span> <span>{name.primary}</span>
      </nav>
      <div className="page-head">
        <h1>
          {name.primary}
          {name.secondary ? (
            <span className="page-head__alt" lang="zh">
              {' '}
              {name.secondary}
            </span>
          ) : null}{' '}
          <span className="page-head__sub">sensors</span>
        </h1>
        <SiteKindBadge kind={site.kind} />
      </div>
      <LiveSensorList
        siteId={site.id}
        devices={devices}
        enterpriseNames={loaded.enterpriseNames}
        token={session.token}
        hubUrl={publicHubUrl()}
        role={session.user.role}
      />
    </>
  );
}
