// Loading a site description: validate everything, and on failure say exactly where.
import { z } from 'zod';
import { SiteSchema } from './schema/site.ts';
import type { Site } from './schema/site.ts';
import { formatIssuePath } from './schema/references.ts';
import { siteDeviceIds } from './catalogue.ts';

/** One problem in a site description: `path` like `sites[0].sensors[12].setpoints.high`. */
export interface SiteIssue {
  path: string;
  message: string;
}

/** Most issues spelled out in an error message (all are on `issues`). */
const MAX_ISSUES_IN_MESSAGE = 10;

/** Thrown when a site description is invalid; the message names the path of each bad field. */
export class SiteValidationError extends Error {
  /** Stable code for API error bodies. */
  readonly code = 'twin-models:invalid-site';
  readonly issues: readonly SiteIssue[];

  constructor(issues: readonly SiteIssue[]) {
    const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((i) => `${i.path}: ${i.message}`);
    const more = issues.length > MAX_ISSUES_IN_MESSAGE ? ` (and ${issues.length - MAX_ISSUES_IN_MESSAGE} more)` : '';
    super(`invalid site description: ${shown.join('; ')}${more}`);
    this.name = 'SiteValidationError';
    this.issues = issues;
  }
}

/** Turns zod issues into path-named issues; `prefix` is prepended (e.g. ['sites', 0]). */
function toSiteIssues(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): SiteIssue[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath([...prefix, ...issue.path]),
    message: issue.message.replace(/^Invalid input: /, ''),
  }));
}

/** Validates one site description (fields, then cross-references); throws {@link SiteValidationError}. */
export function parseSite(input: unknown, options: { path?: ReadonlyArray<PropertyKey> } = {}): Site {
  const result = SiteSchema.safeParse(input);
  if (!result.success) throw new SiteValidationError(toSiteIssues(result.error, options.path));
  return result.data;
}

/** Validates a list of site descriptions; site ids and device ids must also be unique across sites. */
export function parseSites(input: unknown): Site[] {
  const result = z.array(SiteSchema).safeParse(input);
  if (!result.success) throw new SiteValidationError(toSiteIssues(result.error, ['sites']));
  const issues: SiteIssue[] = [];
  const siteAt = new Map<string, number>();
  const deviceAt = new Map<string, string>();
  result.data.forEach((site, i) => {
    const prev = siteAt.get(site.id);
    if (prev !== undefined) issues.push({ path: `sites[${i}].id`, message: `duplicate site id '${site.id}' (first at sites[${prev}])` });
    else siteAt.set(site.id, i);
    for (const { deviceId, path } of siteDeviceIds(site)) {
      const where = `sites[${i}].${path}`;
      const first = deviceAt.get(deviceId);
      if (first !== undefined) issues.push({ path: where, message: `duplicate device id '${deviceId}' (also used at ${first})` });
      else deviceAt.set(deviceId, where);
    }
  });
  if (issues.length > 0) throw new SiteValidationError(issues);
  return result.data;
}
