import Link from 'next/link';
import type { SiteSummary } from '../lib/hub-types.ts';
import { siteNameParts } from '../lib/site-name.ts';
import { SiteKindBadge } from './SiteKindBadge.tsx';

/** Format a site origin for a card: 32.2612° N, 118.8045° E. */
function formatOrigin({ latDeg, lonDeg }: SiteSummary['origin']): string {
  const lat = `${Math.abs(latDeg).toFixed(4)}° ${latDeg >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(lonDeg).toFixed(4)}° ${lonDeg >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}`;
}

/** One site: kind, name, where it is, how many devices the user may see; links to its live sensor list. */
export function SiteCard({ site }: { site: SiteSummary }) {
  const name = siteNameParts(site.name);
  return (
    <Link href={`/sites/${encodeURIComponent(site.id)}/sensors`} className="site-card__link">
      <SiteKindBadge kind={site.kind} />
      <h2 className="site-card__name">
        {name.primary}
        {name.secondary ? (
          <span className="site-card__name-alt" lang="zh">
            {name.secondary}
          </span>
        ) : null}
      </h2>
      <p className="site-card__meta mono">
        {site.id} · {formatOrigin(site.origin)}
      </p>
      <p className="site-card__devices">
        <span className="site-card__count">{site.deviceCount}</span> devices
      </p>
      <span className="site-card__cta">
        Sensors <span aria-hidden="true">→</span>
      </span>
    </Link>
  );
}
