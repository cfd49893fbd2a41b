/** The hub's port when nothing else is configured (DESIGN.md §3). */
export const DEFAULT_HUB_PORT = 4000;

/** The hub URL the browser connects to: the configured one, else this page's host on port 4000. */
export function resolveHubUrl(configured: string | null, page: { protocol: string; hostname: string }): string {
  if (configured) return configured;
  return `${page.protocol}//${page.hostname}:${DEFAULT_HUB_PORT}`;
}
