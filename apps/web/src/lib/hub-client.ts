import 'server-only';
import { LoginResponseSchema, PrincipalSchema, type AlarmView, type FireBrigadeBrief, type IncidentDetailView, type LoginResponse, type Principal } from '@safetwin/protocol';
import { HubError } from './hub-error.ts';
import type { DeviceInfo, SiteSummary } from './hub-types.ts';
import { hubUrl } from './server-config.ts';

/** How long a server-side hub request may take before the page gives up, ms. */
const HUB_TIMEOUT_MS = 8_000;

/** Calls the hub's REST API from the server; throws HubError with the hub's code on any failure. */
async function hubRequest(path: string, init: { token?: string; body?: unknown; method?: 'GET' | 'POST' } = {}): Promise<unknown> {
  const url = `${hubUrl()}/api/v1${path}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
      signal: AbortSignal.timeout(HUB_TIMEOUT_MS),
    });
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    throw new HubError(timedOut ? 'hub:timeout' : 'hub:unreachable', `hub ${hubUrl()} ${timedOut ? 'timed out' : 'unreachable'}`, 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : `http:${response.status}`;
    const message = typeof error?.message === 'string' ? error.message : response.statusText;
    throw new HubError(code, message, response.status);
  }
  if (body === undefined) throw new HubError('hub:bad-response', `hub answered ${path} without JSON`, response.status);
  return body;
}

/** Throws when a hub answer lacks the field we need, instead of rendering garbage. */
function field<T>(body: unknown, key: string, path: string): T {
  const value = (body as Record<string, unknown> | null)?.[key];
  if (value === undefined || value === null) throw new HubError('hub:bad-response', `hub answer to ${path} lacks "${key}"`, 200);
  return value as T;
}

/** `POST /auth/login`: a token and who it belongs to. */
export async function hubLogin(username: string, password: string): Promise<LoginResponse> {
  const body = await hubRequest('/auth/login', { body: { username, password } });
  const parsed = LoginResponseSchema.safeParse(body);
  if (!parsed.success) throw new HubError('hub:bad-response', 'hub login answer does not match the protocol', 200);
  return parsed.data;
}

/** `GET /auth/me`: the user a token belongs to. */
export async function hubMe(token: string): Promise<Principal> {
  const body = await hubRequest('/auth/me', { token });
  // Accept both the bare principal and `{user: principal}`.
  const candidate = (body as { user?: unknown }).user ?? body;
  const parsed = PrincipalSchema.safeParse(candidate);
  if (!parsed.success) throw new HubError('hub:bad-response', 'hub /auth/me answer does not match the protocol', 200);
  return parsed.data;
}

/** `GET /sites`: the sites the user may see. */
export async function hubSites(token: string): Promise<SiteSummary[]> {
  return field<SiteSummary[]>(await hubRequest('/sites', { token }), 'sites', '/sites');
}

/** `GET /sites/:id`: the site's twin description (typed in @safetwin/twin-models; read here as plain JSON). */
export async function hubSite(token: string, siteId: string): Promise<unknown> {
  const path = `/sites/${encodeURIComponent(siteId)}`;
  return field<unknown>(await hubRequest(path, { token }), 'site', path);
}

/** `GET /sites/:id/devices`: the devices of one site the user may see. */
export async function hubSiteDevices(token: string, siteId: string): Promise<DeviceInfo[]> {
  const path = `/sites/${encodeURIComponent(siteId)}/devices`;
  return field<DeviceInfo[]>(await hubRequest(path, { token }), 'devices', path);
}

/** An operator action on an alarm (the hub's `POST /alarms/:id/<action>`). */
export type HubAlarmAction = 'ack' | 'shelve' | 'unshelve' | 'confirm-plan' | 'rectification-plan';

/** `POST /alarms/:id/<action>`: the alarm after the action; HubError with the hub's code (e.g. `alarm:invalid-transition`, 409) when refused. */
export async function hubAlarmAction(token: string, alarmId: string, action: HubAlarmAction, body?: unknown): Promise<AlarmView> {
  // Alarm ids are `site/device/metric/kind`: one path segment once encoded.
  const path = `/alarms/${encodeURIComponent(alarmId)}/${action}`;
  return field<AlarmView>(await hubRequest(path, { token, body, method: 'POST' }), 'alarm', path);
}

/** `GET /incidents/:id`: the incident with its timeline (HubError 404 when unknown or not visible). */
export async function hubIncident(token: string, incidentId: string): Promise<IncidentDetailView> {
  const path = `/incidents/${encodeURIComponent(incidentId)}`;
  return field<IncidentDetailView>(await hubRequest(path, { token }), 'incident', path);
}

/** `GET /incidents/:id/brief`: the fire brigade's brief. */
export async function hubIncidentBrief(token: string, incidentId: string): Promise<FireBrigadeBrief> {
  const path = `/incidents/${encodeURIComponent(incidentId)}/brief`;
  return field<FireBrigadeBrief>(await hubRequest(path, { token }), 'brief', path);
}
