import Link from 'next/link';
import type { SiteSummary } from '../lib/hub-types.ts';
import { SiteKindBadge } from './SiteKindBadge.tsx';

/** Format a coordinate for a card: 32.2612° N, 118.8045° E. */
function formatOrigin({ latDeg, lonDeg }: SiteSummary['origin']): string {
  const lat = `${Math.abs(latDeg).toFixed(4)}° ${latDeg >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(lonDeg).toFixed(4)}° ${lonDeg >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}`;
}

/** The sites a user may see, each a card linking to its live sensor list. */
export function SiteList({ sites }: { sites: readonly SiteSummary[] }) {
  if (sites.length === 0) return <p className="empty-note">No sites are assigned to you. Ask an administrator for access.</p>;
  return (
    <ul className="site-list">
      {sites.map((site) => (
        <li key={site.id} className="site-card" data-site-id={site.id}>
          <Link href={`/sites/${encodeURIComponent(site.id)}/sensors`} className="site-card__link">
            <SiteKindBadge kind={site.kind} />
            <h2 className="site-card__name">{site.name}</h2>
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
        </li>
      ))}
    </ul>
  );
}
