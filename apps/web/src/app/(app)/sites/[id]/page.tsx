import { notFound } from 'next/navigation';
import { HubErrorPanel } from '../../../../components/HubErrorPanel.tsx';
import { SiteWall } from '../../../../components/wall/SiteWall.tsx';
import { pageHubError } from '../../../../lib/hub-page-error.ts';
import { requireSession, type Session } from '../../../../lib/session.ts';
import { loadSiteWall, type SiteWallData } from '../../../../lib/site-wall.ts';
import { siteNameText } from '../../../../lib/site-name.ts';
import { hubUrl, publicHubUrl } from '../../../../lib/server-config.ts';
import { getLocale } from '../../../../i18n/server.ts';

/** `/sites/:id`: the site wall (3D twin, site plan, situation, alarms), scoped to what the user may see. */
export default async function SiteWallPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  // `?device=<id>` opens the wall with that device selected (links from alarms, lists, other screens).
  const { device } = await searchParams;
  let session: Session;
  let loaded: SiteWallData;
  try {
    session = await requireSession();
    loaded = await loadSiteWall(session.token, id, await getLocale());
  } catch (error) {
    return <HubErrorPanel error={pageHubError(error)} hubUrl={hubUrl()} />;
  }
  // A site the user may not see is indistinguishable from one that does not exist.
  if (!loaded.summary || !loaded.site) notFound();
  return (
    <>
      <title>{`${siteNameText(loaded.summary.name)} · SafeTwin`}</title>
      <SiteWall
        initialDeviceId={typeof device === 'string' && loaded.devices.some((d) => d.deviceId === device) ? device : null}
        site={loaded.site} devices={loaded.devices} token={session.token} hubUrl={publicHubUrl()} role={session.user.role} />
    </>
  );
}
