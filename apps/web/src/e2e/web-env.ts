// The environment every browser suite runs in: the real hub (demo sites + simulator) started
// in-process, a TCP proxy between the browser and the hub's socket.io (so a test can freeze or
// cut the link like a bad network), `next start` of the production build, and Debian's Chromium
// with WebGL through SwiftShader.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Hub } from '@safetwin/realtime';
import { freePort } from './free-port.ts';
import { buildIfNeeded, startNext, type NextServer } from './next-server.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../../.reports/screenshots');
export const PASSWORD = process.env.SAFETWIN_DEMO_PASSWORD ?? 'safetwin-demo';

/** Chromium flags: headless, no network chatter, software WebGL (SwiftShader). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A running hub + proxy + web app + browser. */
export interface WebEnv {
  hub: Hub;
  proxy: TcpProxy;
  next: NextServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the whole stack; warns (and the suites skip) when there is no Chromium. */
export async function startWebEnv(): Promise<WebEnv> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildIfNeeded();
  const nextPort = await freePort();
  // Loaded here, not at the top, so a machine without Chromium skips without loading the hub.
  const { createHub } = await import('@safetwin/realtime');
  const hub = await createHub({
    port: 0,
    host: '127.0.0.1',
    demo: true,
    simulator: true,
    logLevel: 'silent',
    corsOrigins: [`http://127.0.0.1:${nextPort}`, `http://localhost:${nextPort}`],
  });
  const proxy = await startTcpProxy(hub.port);
  // Server components reach the hub directly; the browser goes through the proxy.
  const next = await startNext(nextPort, { HUB_URL: hub.url, SAFETWIN_PUBLIC_HUB_URL: proxy.url });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    hub,
    proxy,
    next,
    browser,
    close: async () => {
      await browser.close();
      await next.close();
      await proxy.close();
      await hub.close();
    },
  };
}

/**
 * The stack for one suite: started before its tests, closed after them. Call it inside the
 * suite's `describe`; tests read `.env`.
 */
export function webEnvForSuite(): { readonly env: WebEnv } {
  let started: WebEnv | undefined;
  beforeAll(async () => {
    started = await startWebEnv();
  }, 400_000);
  afterAll(async () => {
    await started?.close();
  });
  return {
    get env(): WebEnv {
      if (!started) throw new Error('the web environment did not start (see the suite’s beforeAll)');
      return started;
    },
  };
}

/** Says why browser suites are skipped on a machine without Chromium. */
export function warnIfNoChromium(suite: string): void {
  if (!HAVE_CHROMIUM) console.warn(`[${suite}] SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
}

/** Signs in through the form; resolves once the browser left /login. */
export async function logIn(page: Page, baseUrl: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 60_000 }), page.click('button[type=submit]')]);
}

/** Logs in to the hub directly and returns the token (the truth the UI is checked against). */
export async function hubToken(hub: Hub, username: string): Promise<string> {
  const login = await fetch(`${hub.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(login.status, `hub login as ${username}`).toBe(200);
  return ((await login.json()) as { token: string }).token;
}

/** GETs a hub API path as a user and returns the JSON (asserting 200). */
export async function hubAs<T>(hub: Hub, username: string, pathname: string): Promise<T> {
  const token = await hubToken(hub, username);
  const response = await fetch(`${hub.url}/api/v1${pathname}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, `hub GET ${pathname} as ${username}`).toBe(200);
  return (await response.json()) as T;
}
