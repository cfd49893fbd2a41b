import 'server-only';

/** Default hub address for a laptop: the hub's suggested port (DESIGN.md §3). */
export const DEFAULT_HUB_URL = 'http://localhost:4000';

/** Where server code reaches the hub (env `HUB_URL`), without a trailing slash. */
export function hubUrl(): string {
  return (process.env.HUB_URL?.trim() || DEFAULT_HUB_URL).replace(/\/+$/, '');
}

/** The hub address the browser should use (env `SAFETWIN_PUBLIC_HUB_URL`); null: same host as the page, port 4000. */
export function publicHubUrl(): string | null {
  const configured = process.env.SAFETWIN_PUBLIC_HUB_URL?.trim();
  return configured ? configured.replace(/\/+$/, '') : null;
}
