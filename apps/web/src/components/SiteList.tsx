import type { SiteSummary } from '../lib/hub-types.ts';
import { SiteCard } from './SiteCard.tsx';

/** The sites a user may see, as a grid of cards. */
export function SiteList({ sites }: { sites: readonly SiteSummary[] }) {
  if (sites.length === 0) return <p className="empty-note">No sites are assigned to you. Ask an administrator for access.</p>;
  return (
    <ul className="site-list">
      {sites.map((site) => (
        <li key={site.id} className="site-card" data-site-id={site.id}>
          <SiteCard site={site} />
        </li>
      ))}
    </ul>
  );
}
