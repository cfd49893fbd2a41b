// The web app in a real browser against the real hub: headless Chromium (playwright-core) drives
// `next start`, which talks to a hub started in-process. The browser reaches the hub's socket.io
// through a TCP proxy so the test can freeze or cut the link like a bad network would.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Hub } from '@safetwin/realtime';
import { LINK_SILENCE_MS } from '@safetwin/protocol';
import type { NextServer } from './e2e/next-server.ts';
import type { TcpProxy } from './e2e/tcp-proxy.ts';
import { HAVE_CHROMIUM, SCREENSHOTS, hubAs, logIn, startWebEnv, warnIfNoChromium, type WebEnv } from './e2e/web-env.ts';
import { waitAndReport } from './e2e/timed-wait.ts';

warnIfNoChromium('web browser tests');

/** Device ids in the table, with their state and enterprise. */
async function rows(page: Page): Promise<Array<{ id: string; state: string; enterprise: string }>> {
  return page.$$eval('tr[data-device-id]', (trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-device-id') ?? '',
      state: tr.getAttribute('data-state') ?? '',
      enterprise: tr.getAttribute('data-enterprise') ?? '',
    })),
  );
}

/** The values column of every row, keyed by device id. */
async function valueTexts(page: Page): Promise<Map<string, string>> {
  const pairs = await page.$$eval('tr[data-device-id]', (trs) =>
    trs.map((tr) => [tr.getAttribute('data-device-id') ?? '', tr.querySelector('.sensor-row__values')?.textContent ?? ''] as const),
  );
  return new Map(pairs);
}

describe.skipIf(!HAVE_CHROMIUM)('web app in headless Chromium against the real hub', () => {
  let hub: Hub;
  let proxy: TcpProxy;
  let next: NextServer;
  let browser: Browser;
  let siteId: string;

  let env: WebEnv;

  beforeAll(async () => {
    env = await startWebEnv();
    ({ hub, proxy, next, browser } = env);
    const { sites } = await hubAs<{ sites: Array<{ id: string; kind: string }> }>(hub, 'commander', '/sites');
    siteId = (sites.find((s) => s.kind === 'chemical-park') ?? sites[0])!.id;
  }, 300_000);

  afterAll(async () => {
    await env?.close();
  });

  it('sends a visitor without a session to /login, and shows a wrong password as an error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${next.url}/sites/${siteId}/sensors`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'web-login.png') });

    await page.fill('input[name=username]', 'commander');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    const error = await page.waitForSelector('.form-error', { timeout: 10_000 });
    expect(await error.textContent()).toContain('Wrong username or password');
    expect(await page.inputValue('input[name=username]')).toBe('commander');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'web-login-error.png') });
    await page.close();
  });

  it('signs in with the user and role shown, and lists a site’s sensors with live values that change', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page, next.url, 'commander');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.textContent('[data-testid=current-user]')).toContain('Commander');

    await page.goto(`${next.url}/sites/${siteId}/sensors`);
    await page.waitForSelector('[data-connection=live]', { timeout: 20_000 });
    await page.waitForSelector('tr[data-state=live]', { timeout: 20_000 });
    const before = await valueTexts(page);
    await page.waitForFunction(
      (snapshot) =>
        [...document.querySelectorAll('tr[data-state=live]')].some((tr) => {
          const id = tr.getAttribute('data-device-id') ?? '';
          return id in snapshot && tr.querySelector('.sensor-row__values')?.textContent !== snapshot[id];
        }),
      Object.fromEntries(before),
      { timeout: 20_000 },
    );
    const { devices } = await hubAs<{ devices: unknown[] }>(hub, 'commander', `/sites/${siteId}/devices`);
    expect((await rows(page)).length).toBe(devices.length);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'web-sensors-live.png') });

    // Filtering by text narrows the rows to matches.
    const first = (await rows(page))[0]!.id;
    await page.fill('input[name=q]', first);
    await page.waitForFunction((id) => [...document.querySelectorAll('tr[data-device-id]')].every((tr) => tr.getAttribute('data-device-id')!.includes(id)), first);
    await page.fill('input[name=q]', '');
    await page.close();
  });

  it('shows a safety officer only their own enterprise’s devices', async () => {
    const { devices } = await hubAs<{ devices: Array<{ enterpriseId: string | null }> }>(hub, 'commander', `/sites/${siteId}/devices`);
    const enterpriseId = devices.find((d) => d.enterpriseId)?.enterpriseId;
    expect(enterpriseId, 'the demo park has enterprise-owned devices').toBeTruthy();
    const username = `officer-${enterpriseId}`;
    const mine = await hubAs<{ devices: Array<{ deviceId: string; enterpriseId: string | null }> }>(hub, username, `/sites/${siteId}/devices`);

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page, next.url, username);
    expect(await page.textContent('[data-testid=current-user]')).toContain('Safety officer');
    await page.goto(`${next.url}/sites/${siteId}/sensors`);
    await page.waitForSelector('[data-connection=live]', { timeout: 20_000 });
    const shown = await rows(page);
    expect(shown.map((r) => r.id).sort()).toEqual(mine.devices.map((d) => d.deviceId).sort());
    expect(shown.length).toBeLessThan(devices.length);
    for (const row of shown) expect([enterpriseId, 'site-wide']).toContain(row.enterprise);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'web-sensors-officer.png') });
    await page.close();
  });

  it('shows the mine manager the miners’ tags moving, and no chemical park', async () => {
    const { sites } = await hubAs<{ sites: Array<{ id: string; kind: string }> }>(hub, 'mine-manager', '/sites');
    expect(sites.map((s) => s.kind)).toEqual(['coal-mine']);
    const mineId = sites[0]!.id;
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page, next.url, 'mine-manager');
    await page.goto(`${next.url}/sites/${mineId}/sensors`);
    await page.waitForSelector('[data-connection=live]', { timeout: 20_000 });
    await page.selectOption('select[name=kind]', 'uwb-tag');
    await page.waitForFunction(() => document.querySelectorAll('tr[data-device-id][data-state=live]').length >= 60, undefined, { timeout: 20_000 });
    const before = await valueTexts(page);
    await page.waitForTimeout(2500);
    const after = await valueTexts(page);
    const moved = [...after].filter(([id, text]) => before.get(id) !== text).length;
    expect(moved, 'miners walk: positions change between looks').toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'web-mine-tags.png') });
    await page.close();
  });

  it('shows a tripped alarm in the panel at once, acknowledges it with a click, and the hub records who did', async () => {
    type Sensor = { id: string; kind: string; setpoints: { metric: string; high: number | null } | null };
    const { site } = await hubAs<{ site: { sensors: Sensor[] } }>(hub, 'commander', `/sites/${siteId}`);
    const gas = site.sensors.filter((s) => s.kind.startsWith('gas-') && s.kind !== 'gas-o2' && s.setpoints?.high);
    const sensor = gas.find((s) => s.kind === 'gas-flammable') ?? gas[0];
    expect(sensor, 'the demo park has a gas detector with a high set-point').toBeTruthy();
    const { metric, high } = sensor!.setpoints! as { metric: string; high: number };
    const alarmId = `${siteId}/${sensor!.id}/${metric}/high`;

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page, next.url, 'commander');
    await page.goto(`${next.url}/sites/${siteId}/sensors`);
    await page.waitForSelector('[data-connection=live]', { timeout: 20_000 });
    await page.waitForFunction(() => /alarm|No standing/.test(document.querySelector('[data-testid=alarm-count]')?.textContent ?? ''), undefined, { timeout: 10_000 });

    // Trip it like a gateway would, and keep it above the limit (the simulator's normal readings would clear it 5 s later).
    let seq = 10_000_000;
    const ingestHigh = () =>
      fetch(`${hub.url}/api/v1/ingest`, {
        method: 'POST',
        headers: { authorization: 'Bearer demo-gateway-key', 'content-type': 'application/json' },
        body: JSON.stringify({ readings: [{ deviceId: sensor!.id, ts: Date.now(), seq: seq++, values: { [metric]: high * 1.3 } }] }),
      });
    const first = await ingestHigh();
    expect(first.status, await first.clone().text()).toBe(202);
    const trippedAt = Date.now();
    const keepHigh = setInterval(() => void ingestHigh().catch(() => undefined), 1_000);
    try {
      const item = `.alarm[data-alarm-id="${alarmId}"]`;
      await waitAndReport(page, `${item}[data-alarm-state=unacknowledged]`, 'ingested set-point crossing → alarm on the page', trippedAt, 1_000, 30_000);
      const text = (await page.textContent(item)) ?? '';
      expect(text).toMatch(/L\d [◆▲■●] HIGH/);
      expect(text).toContain('UNACK');
      expect(text).toContain(sensor!.id);
      expect(await page.textContent('[data-testid=alarm-count]')).toMatch(/^\d+ alarms? · [1-9]\d* unacknowledged$/);
      // The table row carries the alarm next to its LIVE/STALE state.
      expect(await page.locator(`tr[data-device-id="${sensor!.id}"] [data-alarm-badge]`).textContent()).toMatch(/^L\d [◆▲■●] HIGH$/);

      // Narrow the table to the device so the screenshot shows the panel and the row's badge together.
      await page.fill('input[name=q]', sensor!.id);
      await page.waitForFunction((id) => [...document.querySelectorAll('tr[data-device-id]')].every((tr) => tr.getAttribute('data-device-id') === id), sensor!.id);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'web-alarms-unack.png') });

      await page.click(`${item} button:has-text("Acknowledge")`);
      await page.waitForSelector(`${item}[data-alarm-state=acknowledged]`, { timeout: 20_000 });
      expect(await page.textContent(`${item} .alarm__state`)).toBe('ACK');
      expect(await page.locator(`${item} button:has-text("Acknowledge")`).count(), 'no second acknowledge').toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'web-alarms.png') });
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'web-alarms-narrow.png') });
      await page.setViewportSize({ width: 1600, height: 1000 });

      // The hub recorded the acknowledgement with the user (stored asynchronously: give it a moment).
      type Detail = { alarm: { state: string }; history: Array<{ event: string; actor: string; toState: string }> };
      let detail: Detail | undefined;
      for (let tries = 0; tries < 20; tries++) {
        detail = await hubAs<Detail>(hub, 'commander', `/alarms/${encodeURIComponent(alarmId)}`);
        if (detail.history.some((h) => h.event === 'ack')) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(detail!.alarm.state).toBe('acknowledged');
      expect(detail!.history).toContainEqual(expect.objectContaining({ event: 'ack', actor: 'commander', toState: 'acknowledged' }));

      // A drill planner sees the same alarm but no buttons to act on it (unfolding a group of alarms is not acting).
      const planner = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await logIn(planner, next.url, 'drill-planner');
      await planner.goto(`${next.url}/sites/${siteId}/sensors`);
      await planner.waitForSelector(`${item}[data-alarm-state=acknowledged]`, { timeout: 20_000 });
      expect(await planner.locator('.alarm-panel button:not([data-group-toggle])').count()).toBe(0);
      await planner.close();

      // Shelve through the inline form (minutes + reason), then unshelve: the alarm comes back as the process stands.
      await page.click(`${item} button:has-text("Shelve")`);
      await page.fill(`${item} input[name=minutes]`, '15');
      await page.fill(`${item} input[name=reason]`, 'detector check by the test');
      await page.click(`${item} form button[type=submit]`);
      await page.waitForSelector(`${item}[data-alarm-state=shelved]`, { timeout: 20_000 });
      expect(await page.textContent(`${item} .alarm__state`)).toMatch(/^SHELVED until \d\d:\d\d$/);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'web-alarms-shelved.png') });
      await page.click(`${item} button:has-text("Unshelve")`);
      await page.waitForSelector(`${item}[data-alarm-state=unacknowledged]`, { timeout: 20_000 });
    } finally {
      clearInterval(keepHigh);
    }
    await page.close();
  });

  it('marks silent devices STALE, says within 2 s when the hub link drops, and recovers on reconnect', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await logIn(page, next.url, 'commander');
    await page.goto(`${next.url}/sites/${siteId}/sensors`);
    await page.waitForSelector('tr[data-state=live]', { timeout: 20_000 });

    // Freeze the link without closing it (a half-open network): live rows must turn STALE, never keep looking live.
    proxy.setMode('blackhole');
    const stale = await page.waitForSelector('tr[data-state=stale]', { timeout: 40_000 });
    expect(await stale.textContent()).toContain('STALE');
    expect(await stale.textContent()).toContain('ago');
    await stale.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'web-sensors-stale.png') });

    // Cut it: the banner must appear within 2 s.
    proxy.setMode('down');
    const cutAt = Date.now();
    await waitAndReport(page, '[data-banner=lost]', 'cut link → banner', cutAt, LINK_SILENCE_MS + 400);
    expect(await page.textContent('[data-banner=lost]')).toContain('Connection to hub lost — data not live');
    expect(await page.locator('tr[data-state=live]').count(), 'no row reads LIVE while the link is down').toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'web-sensors-lost.png') });

    // Back up: socket.io reconnects, the page re-subscribes, the ack's latest values and new batches make rows live again.
    proxy.setMode('pass');
    await page.waitForSelector('[data-connection=live]', { timeout: 20_000 });
    await page.waitForSelector('tr[data-state=live]', { timeout: 20_000 });
    expect(await page.locator('[data-banner=lost]').count()).toBe(0);
    await page.close();
  });

  it('signs out', async () => {
    const page = await browser.newPage();
    await logIn(page, next.url, 'commander');
    await Promise.all([page.waitForURL('**/login'), page.click('text=Log out')]);
    await page.goto(`${next.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });
});
