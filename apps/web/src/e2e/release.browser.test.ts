// Modelling a toxic release from the site wall in a real browser (issue 4): a commander models a
// chlorine release from the chlorine sphere with the live weather station, sees the run's
// progress, the threat zones drawn on the plan in red/orange/yellow (judged by the canvas
// pixels), the cloud in the twin (the canvas changes), and the result card naming the model and
// σ set; the plan fits the zones (view state on the panel, Fit site / Fit zones, zone tooltips) and
// the twin's camera flies to the release and home again; a finite ammonia release plays its cloud
// over time; Cancel stops a long run; a safety officer has no control.
// Screenshots at 1920×1080 go to .reports/screenshots (and the best to docs/screenshots).
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { deckTooltipText, mapView, planViewport } from './plan-view.ts';
import type { SimRunView } from '@safetwin/protocol';
import { elementPixels } from './pixels.ts';
import { HAVE_CHROMIUM, SCREENSHOTS, hubAs, logIn, startWebEnv, warnIfNoChromium, type WebEnv } from './web-env.ts';

warnIfNoChromium('release browser tests');

const WALL_VIEWPORT = { width: 1920, height: 1080 };
const PARK = 'cp-nanjing';
const CHLORINE_SPHERE = 'CP-E1-TK-01';
const AMMONIA_SPHERE = 'CP-E2-TK-01';
const DOCS_SCREENSHOTS = path.resolve(import.meta.dirname, '../../../../docs/screenshots');
const MAP_CANVAS = '[data-testid=site-map] canvas';
const TWIN_CANVAS = '[data-testid=twin-canvas] canvas';

/** Pixels of a canvas in each zone colour, judged by hue (the fills are translucent over the dark plan). */
interface ZonePixels {
  red: number;
  orange: number;
  yellow: number;
}

function zonePixels(png: Buffer): ZonePixels {
  const { data } = PNG.sync.read(png);
  const out: ZonePixels = { red: 0, orange: 0, yellow: 0 };
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i]!, g = data[i + 1]!, b = data[i + 2]!;
    if (r < 70 || b > r * 0.55) continue;
    const gr = g / r;
    if (gr < 0.32) out.red++;
    else if (gr >= 0.42 && gr < 0.72) out.orange++;
    else if (gr >= 0.8 && gr <= 1.05 && b < r * 0.45) out.yellow++;
  }
  return out;
}

async function canvasPng(page: Page, selector: string): Promise<Buffer> {
  return page.locator(selector).first().screenshot();
}

/** Share of pixels that differ clearly between two same-size screenshots. */
function changedFraction(a: Buffer, b: Buffer): number {
  const pa = PNG.sync.read(a), pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return 1;
  let changed = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    const d = Math.abs(pa.data[i]! - pb.data[i]!) + Math.abs(pa.data[i + 1]! - pb.data[i + 1]!) + Math.abs(pa.data[i + 2]! - pb.data[i + 2]!);
    if (d > 48) changed++;
  }
  return changed / (pa.width * pa.height);
}

/** Where the twin's camera looks after its last flight (`data-camera-target`, scene metres). */
async function cameraTarget(page: Page): Promise<number[] | null> {
  const v = await page.getAttribute(TWIN_CANVAS, 'data-camera-target');
  return v ? v.split(',').map(Number) : null;
}

/** Waits until the camera's target differs from `from` by more than `m` metres (or equals it within `m` when `same`). */
async function waitCamera(page: Page, from: number[] | null, m: number, same = false): Promise<number[]> {
  for (let tries = 0; tries < 120; tries++) {
    const now = await cameraTarget(page);
    if (now && from) {
      const d = Math.hypot(now[0]! - from[0]!, now[2]! - from[2]!);
      if (same ? d <= m : d > m) return now;
    } else if (now && !same) return now;
    await page.waitForTimeout(250);
  }
  throw new Error(`the twin camera did not ${same ? 'come back to' : 'move from'} ${from?.join(',')}`);
}

/** Hovers the plan at lon/lat points (through the view on the panel) until deck's tooltip says something matching `pattern`. */
async function zoneTooltip(page: Page, points: [number, number][], pattern: RegExp): Promise<string | null> {
  const box = (await page.locator(MAP_CANVAS).first().boundingBox())!;
  const vp = await planViewport(page, box.width, box.height);
  for (const p of points) {
    const [x, y] = vp.project(p);
    if (!(x! > 4 && x! < box.width - 4 && y! > 4 && y! < box.height - 4)) continue;
    await page.mouse.move(box.x + x!, box.y + y!, { steps: 2 });
    for (let tries = 0; tries < 8; tries++) {
      await page.waitForTimeout(150);
      const text = await deckTooltipText(page);
      if (pattern.test(text)) return text;
    }
  }
  return null;
}

/** Vertex average of a zone ring of the stored run (inside the footprint for these convex-ish shapes). */
function ringPoints(zones: { features: { properties: { kind: string; color: string }; geometry: { coordinates: number[][][] } }[] }): [number, number][] {
  const out: [number, number][] = [];
  for (const color of ['red', 'orange', 'yellow']) {
    const f = zones.features.find((z) => z.properties.kind === 'threat-zone' && z.properties.color === color);
    const ring = f?.geometry.coordinates[0];
    if (!ring) continue;
    const n = ring.length;
    out.push([ring.reduce((a, p) => a + p[0]!, 0) / n, ring.reduce((a, p) => a + p[1]!, 0) / n]);
  }
  return out;
}

async function waitDrawn(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 120_000 });
  for (let tries = 0; tries < 60; tries++) {
    const stats = await elementPixels(page, selector);
    if (stats.distinctColours >= 16 && stats.drawnFraction > 0.01) return;
    await page.waitForTimeout(1_000);
  }
  throw new Error(`${selector} never drew`);
}

/** Opens the park wall as `username` and waits until the twin and the plan are drawn and the link is live. */
async function openParkWall(env: WebEnv, username: string, locale = 'en-GB'): Promise<Page> {
  const page = await env.browser.newPage({ viewport: WALL_VIEWPORT, locale });
  page.on('pageerror', (err) => console.log(`[release] page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') console.log(`[release] console ${msg.type()}: ${msg.text().slice(0, 500)}`);
  });
  await logIn(page, env.next.url, username);
  await page.goto(`${env.next.url}/sites/${PARK}`);
  await page.waitForSelector('[data-testid=site-wall] [data-connection=live]', { timeout: 60_000 });
  await waitDrawn(page, TWIN_CANVAS);
  await waitDrawn(page, MAP_CANVAS);
  return page;
}

describe.skipIf(!HAVE_CHROMIUM)('modelling a toxic release on the site wall', () => {
  let env: WebEnv;

  beforeAll(async () => {
    env = await startWebEnv();
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await env?.close();
  });

  it('a commander models chlorine from the sphere: progress, zones on the plan, the cloud in the twin, the result card', async () => {
    const page = await openParkWall(env, 'commander');
    // The live weather must have reached the wall (the form computes the stability class from it).
    await page.click('[data-testid=release-open]');
    await page.waitForSelector('[data-testid=release-form]');
    await page.waitForFunction(() => !(document.querySelector('[data-testid=release-live-weather]')?.textContent ?? '').includes('No live'), undefined, { timeout: 30_000 });
    await page.selectOption('[data-testid=release-equipment]', CHLORINE_SPHERE);
    expect(await page.inputValue('[data-testid=release-chemical]'), 'chemical defaults to what the sphere holds').toBe('Cl2');

    // Validation next to the field before anything is sent.
    await page.click('[data-testid=release-run]');
    expect(await page.textContent('[data-testid=release-field-error]')).toMatch(/number/i);

    await page.fill('[data-testid=release-rate]', '1');
    const mapBefore = zonePixels(await canvasPng(page, MAP_CANVAS));
    const twinBefore = await canvasPng(page, TWIN_CANVAS);
    // Note every phase the panel passes through (a fast run may be done between two polls of ours).
    await page.evaluate(() => {
      const w = window as unknown as { phases: string[] };
      w.phases = [];
      const panel = document.querySelector('[data-testid=release-panel]')!;
      new MutationObserver(() => {
        const phase = panel.getAttribute('data-run-phase') ?? '';
        if (document.querySelector('[data-testid=release-progress]')) w.phases.push(`progress:${phase}`);
        if (w.phases.at(-1) !== phase) w.phases.push(phase);
      }).observe(panel, { attributes: true, childList: true, subtree: true });
    });

    const siteView = await mapView(page);
    const homeTarget = await cameraTarget(page);
    const clickedAt = Date.now();
    await page.click('[data-testid=release-run]');
    await page.waitForSelector('[data-testid=release-result]', { timeout: 60_000 });
    const cardMs = Date.now() - clickedAt;
    // Zones on the plan: poll the canvas until red, orange and yellow pixels appear.
    // The red (AEGL-3) zone is the smallest, and the plan zooms out to fit the orange and yellow ones, so its area on
    // screen depends on the live weather's class (time of day): 199 px in one CI run with class D. A clear, non-noise
    // count is what matters here; the zone geometry itself is tested in the engine.
    const RED_MIN_PX = 40;
    let mapAfter = zonePixels(await canvasPng(page, MAP_CANVAS));
    for (let i = 0; i < 40 && (mapAfter.red - mapBefore.red < RED_MIN_PX || mapAfter.orange - mapBefore.orange < 200 || mapAfter.yellow - mapBefore.yellow < 200); i++) {
      await page.waitForTimeout(250);
      mapAfter = zonePixels(await canvasPng(page, MAP_CANVAS));
    }
    const pixelsMs = Date.now() - clickedAt;
    const inPageMs = await page.getAttribute('[data-testid=release-panel]', 'data-zones-drawn-ms');
    console.log(`[release] click → result card ${cardMs} ms; click → zones drawn (in page, two frames after the overlay) ${inPageMs} ms; click → zone pixels seen in a screenshot ${pixelsMs} ms (SwiftShader)`);
    console.log(`[release] zone pixels on the plan before ${JSON.stringify(mapBefore)}, after ${JSON.stringify(mapAfter)}`);
    expect(mapAfter.red - mapBefore.red, 'red zone pixels on the plan').toBeGreaterThan(RED_MIN_PX);
    expect(mapAfter.orange - mapBefore.orange, 'orange zone pixels on the plan').toBeGreaterThan(200);
    expect(mapAfter.yellow - mapBefore.yellow, 'yellow zone pixels on the plan').toBeGreaterThan(200);

    const phases = await page.evaluate(() => (window as unknown as { phases: string[] }).phases);
    console.log(`[release] panel phases: ${phases.join(' → ')}`);
    expect(phases.some((p) => p.startsWith('progress:')), 'the progress bar was shown').toBe(true);

    // The card names what the engine used, as the hub stored it.
    const runId = (await page.textContent('[data-testid=release-run-id]'))!.trim();
    const { run } = await hubAs<{ run: SimRunView }>(env.hub, 'commander', `/sim/runs/${runId}`);
    const stored = run.result as { model: string; sigma: string };
    expect(await page.getAttribute('[data-testid=release-model]', 'data-model')).toBe(stored.model);
    expect(await page.getAttribute('[data-testid=release-sigma]', 'data-sigma')).toBe(stored.sigma);
    expect(await page.textContent('[data-testid=release-model]')).toMatch(/^(dense gas \(Britter–McQuaid\)|Gaussian plume|Gaussian puff)$/);
    console.log(`[release] hub: queued ${run.startedAt! - run.createdAt} ms, computed in ${run.finishedAt! - run.startedAt!} ms (model ${stored.model}, σ ${stored.sigma})`);
    expect(run.context.source?.equipmentId).toBe(CHLORINE_SPHERE);
    expect(run.context.weather.from).toBe('live');
    expect(await page.textContent('[data-testid=release-result]')).toContain('live station');
    expect(await page.textContent('[data-testid=threat-legend]')).toContain('ppm');

    // The plan fitted the zones (zoomed out from the site fit), and the button toggles back and forth.
    await page.waitForSelector('[data-testid=site-map][data-fitted=request]', { timeout: 10_000 });
    await page.waitForTimeout(500);
    const zonesView = await mapView(page);
    const yellowFitted = zonePixels(await canvasPng(page, MAP_CANVAS)).yellow;
    console.log(`[release] plan zoom: site ${siteView.zoom}, zones ${zonesView.zoom}`);
    expect(zonesView.zoom, 'the plan zooms out to the zones').toBeLessThan(siteView.zoom - 0.2);
    expect(await page.textContent('[data-testid=map-fit]')).toMatch(/Fit site/);
    await page.click('[data-testid=map-fit]');
    await page.waitForSelector('[data-testid=site-map][data-fitted=site]');
    await page.waitForTimeout(500);
    const backView = await mapView(page);
    const yellowSite = zonePixels(await canvasPng(page, MAP_CANVAS)).yellow;
    console.log(`[release] yellow pixels on the plan: fitted to the zones ${yellowFitted}, to the site ${yellowSite}`);
    // Back to the site (kept clear of the threat legend now, so a little further out than before the run).
    expect(backView.zoom).toBeGreaterThan(zonesView.zoom);
    expect(backView.zoom).toBeLessThanOrEqual(siteView.zoom + 1e-3);
    expect(yellowFitted, 'more of the yellow zone shows when the zones are fitted').toBeGreaterThan(yellowSite);
    expect(await page.textContent('[data-testid=map-fit]')).toMatch(/Fit zones/);
    await page.click('[data-testid=map-fit]');
    await page.waitForSelector('[data-testid=site-map][data-fitted=request]');
    await page.waitForTimeout(500);

    // Hovering a zone names its level, ppm and reach.
    const tip = await zoneTooltip(page, ringPoints((run.result as { zones: Parameters<typeof ringPoints>[0] }).zones), /ppm · up to [\d.]+ km/);
    console.log(`[release] zone tooltip: ${tip}`);
    expect(tip, 'a zone tooltip').toMatch(/AEGL-\d.* · [\d.,]+ ppm · up to [\d.]+ km/);
    await page.mouse.move(5, 5);

    // The twin flew to the release; Overview flies home again.
    const releaseTarget = await waitCamera(page, homeTarget, 30);
    console.log(`[release] twin camera target: home ${homeTarget?.join(',')}, release ${releaseTarget.join(',')}`);

    // The twin shows the cloud in the zone colours.
    await page.waitForTimeout(1_500);
    const twinAfter = await canvasPng(page, TWIN_CANVAS);
    const [cloudBefore, cloudAfter] = [zonePixels(twinBefore), zonePixels(twinAfter)];
    const cloudPixels = cloudAfter.red + cloudAfter.orange + cloudAfter.yellow - (cloudBefore.red + cloudBefore.orange + cloudBefore.yellow);
    console.log(`[release] twin: ${(changedFraction(twinBefore, twinAfter) * 100).toFixed(1)} % of pixels changed, ${cloudPixels} more in the zone colours`);
    expect(cloudPixels, 'cloud pixels in the twin').toBeGreaterThan(300);
    const shot = path.join(SCREENSHOTS, 'wall-release.png');
    await page.screenshot({ path: shot });
    copyFileSync(shot, path.join(DOCS_SCREENSHOTS, 'wall-release.png'));
    await page.click('[data-testid=twin-overview]');
    await waitCamera(page, homeTarget, 30, true);

    // A hole size instead of a rate: the hub derives the rate from the sphere's pressure and temperature.
    await page.click('[data-testid=release-edit]');
    await page.click('[data-testid=release-form] [data-value=hole]');
    await page.fill('[data-testid=release-hole]', '10');
    await page.fill('[data-testid=release-duration]', '15');
    await page.click('[data-testid=release-run]');
    await page.waitForFunction((first) => {
      const id = document.querySelector('[data-testid=release-run-id]')?.textContent;
      return id && id !== first;
    }, runId, { timeout: 60_000 });
    const holeText = await page.textContent('[data-testid=release-rate-text]');
    console.log(`[release] 10 mm hole in the chlorine sphere: ${holeText}`);
    expect(holeText).toMatch(/10 mm hole/);

    // Clear removes the overlay.
    await page.click('[data-testid=release-clear]');
    await page.waitForSelector('[data-testid=threat-legend]', { state: 'detached' });
    await page.close();
  }, 300_000);

  it('a release point is picked by a click on the plan; the form and the engine warnings read in Chinese', async () => {
    const page = await openParkWall(env, 'commander', 'zh-CN');
    await page.click('[data-testid=release-open]');
    // Picking equipment takes clicks in the 3D twin too (crosshair there); Esc stops it.
    await page.click('[data-testid=release-pick]');
    await page.waitForSelector('[data-testid=twin-panel][data-picking=equipment]');
    expect(await page.locator(TWIN_CANVAS).first().evaluate((el) => (el as HTMLElement).style.cursor)).toBe('crosshair');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=twin-panel][data-picking=equipment]', { state: 'detached' });
    await page.click('[data-testid=release-form] [data-value=point]');
    await page.waitForSelector('[data-testid=release-picking]');
    const map = (await page.locator(MAP_CANVAS).first().boundingBox())!;
    await page.mouse.move(map.x + map.width * 0.45, map.y + map.height * 0.6);
    await page.mouse.click(map.x + map.width * 0.45, map.y + map.height * 0.6);
    await page.waitForFunction(() => /以[东西] \d+ 米、以[南北] \d+ 米/.test(document.querySelector('[data-testid=release-point]')?.textContent ?? ''), undefined, { timeout: 10_000 });
    console.log(`[release] picked point: ${await page.textContent('[data-testid=release-point]')}`);
    // A hole size needs equipment: said next to the field, nothing sent.
    await page.click('[data-testid=release-form] [data-value=hole]');
    await page.fill('[data-testid=release-hole]', '20');
    await page.click('[data-testid=release-run]');
    expect((await page.locator('[data-testid=release-field-error]').allTextContents()).join(' ')).toContain('孔径需要设备');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wall-release-form-zh.png') });
    // The engine's warnings on the result card read in Chinese too (a hole in the sphere: the vapour pressure is estimated).
    await page.click('[data-testid=release-form] [data-value=equipment]');
    await page.selectOption('[data-testid=release-equipment]', CHLORINE_SPHERE);
    await page.click('[data-testid=release-run]');
    await page.waitForSelector('[data-testid=release-warnings]', { timeout: 60_000 });
    const warnings = await page.locator('[data-testid=release-warnings] li').allTextContents();
    console.log(`[release] warnings on a Chinese wall: ${warnings.join(' | ')}`);
    expect(warnings.join(' ')).toContain('蒸气压按 Clausius–Clapeyron 方程');
    for (const w of warnings) expect(w, 'each warning worded in Chinese').toMatch(/[\u4e00-\u9fff]/);
    // So are the reasons for the model (the engine's explanations, folded under "模型选择依据")…
    await page.click('[data-testid=release-why] summary');
    const why = await page.locator('[data-testid=release-why] li').allTextContents();
    console.log(`[release] why this model, on a Chinese wall: ${why.join(' | ')}`);
    expect(why.length).toBeGreaterThan(3);
    for (const w of why) expect(w, 'each explanation worded in Chinese').toMatch(/[\u4e00-\u9fff]/);
    // …the model, and the points of interest (named from the site description, not the hub's English labels).
    expect(await page.textContent('[data-testid=release-model]')).toMatch(/^(重气模型（Britter–McQuaid）|高斯烟羽|高斯烟团)$/);
    const points = await page.locator('[data-testid=release-point-name]').allTextContents();
    console.log(`[release] points on a Chinese wall: ${points.join(' | ')}`);
    expect(points.length, 'threatened points on the card').toBeGreaterThan(0);
    for (const p of points) expect(p, 'each point named in Chinese').toMatch(/[\u4e00-\u9fff]/);
    await page.locator('[data-testid=release-warnings]').scrollIntoViewIfNeeded();
    const warningsShot = path.join(SCREENSHOTS, 'wall-release-warnings-zh.png');
    await page.screenshot({ path: warningsShot });
    copyFileSync(warningsShot, path.join(DOCS_SCREENSHOTS, 'wall-release-warnings-zh.png'));
    await page.close();
  }, 180_000);

  it('a finite ammonia release plays its cloud over time', async () => {
    const page = await openParkWall(env, 'drill-planner');
    await page.click('[data-testid=release-open]');
    expect(await page.textContent('[data-testid=release-drill]')).toMatch(/DRILL/);
    await page.selectOption('[data-testid=release-equipment]', AMMONIA_SPHERE);
    await page.click('[data-testid=release-form] [data-value=manual]');
    await page.fill('[data-testid=release-rate]', '3');
    await page.fill('[data-testid=release-duration]', '10');
    await page.fill('[data-testid=release-wind-speed]', '3');
    await page.fill('[data-testid=release-wind-from]', '250');
    await page.selectOption('[data-testid=release-stability]', 'D');
    await page.click('[data-testid=release-run]');
    await page.waitForSelector('[data-testid=release-result]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=release-timeline][data-animated=true]', { timeout: 10_000 });
    // The clock moves on (software WebGL can hold the page for seconds while it compiles and uploads: allow it).
    const t0 = Number(await page.getAttribute('[data-testid=release-timeline]', 'data-t-s'));
    await page.waitForFunction((t) => Number(document.querySelector('[data-testid=release-timeline]')?.getAttribute('data-t-s')) !== t, t0, { timeout: 20_000 });
    await page.waitForTimeout(2_000);
    const t1 = Number(await page.getAttribute('[data-testid=release-timeline]', 'data-t-s'));
    console.log(`[release] puff playback: t = ${t0} s, later ${t1} s`);
    // Pause holds the time; the slider moves it.
    await page.click('[data-testid=release-play]');
    const held = Number(await page.getAttribute('[data-testid=release-timeline]', 'data-t-s'));
    await page.waitForTimeout(1_000);
    expect(Number(await page.getAttribute('[data-testid=release-timeline]', 'data-t-s'))).toBe(held);
    await page.locator('[data-testid=release-slider]').fill('300');
    await page.waitForFunction(() => Math.abs(Number(document.querySelector('[data-testid=release-timeline]')?.getAttribute('data-t-s')) - 300) < 20, undefined, { timeout: 20_000 });
    const shot = path.join(SCREENSHOTS, 'wall-release-puff.png');
    await page.screenshot({ path: shot });
    copyFileSync(shot, path.join(DOCS_SCREENSHOTS, 'wall-release-puff.png'));
    await page.close();
  });

  it('Cancel stops a running run: the hub stores it cancelled and the panel says so', async () => {
    const page = await openParkWall(env, 'drill-planner');
    // The longest run the engine takes: a finite passive release with every frame (48) on the largest grid (256 a side).
    await page.route('**/api/v1/sim/runs', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const body = JSON.parse(request.postData() ?? '{}') as { scenario: Record<string, unknown> & { grid?: Record<string, unknown> } };
      body.scenario.frames = 48;
      body.scenario.grid = { ...(body.scenario.grid ?? {}), maxCellsPerSide: 256 };
      return route.continue({ postData: JSON.stringify(body) });
    });
    await page.click('[data-testid=release-open]');
    await page.selectOption('[data-testid=release-equipment]', AMMONIA_SPHERE);
    await page.click('[data-testid=release-form] [data-value=manual]');
    await page.fill('[data-testid=release-rate]', '3');
    await page.fill('[data-testid=release-duration]', '240');
    await page.fill('[data-testid=release-wind-speed]', '1');
    await page.fill('[data-testid=release-wind-from]', '250');
    await page.selectOption('[data-testid=release-stability]', 'D');

    // Cancel as soon as the panel offers it (a ~1 s computation on one sim thread): the hub's answer
    // says whether the run had started. A run can still finish before the click lands: try a few times.
    let outcome = '';
    for (let attempt = 1; attempt <= 3 && outcome !== 'cancelled'; attempt++) {
      const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/sim/runs') && r.request().method() === 'POST');
      const cancelled = page.waitForResponse((r) => /\/api\/v1\/sim\/runs\/[^/]+\/cancel$/.test(r.url()), { timeout: 30_000 }).catch(() => null);
      await page.click('[data-testid=release-run]');
      await page.click('[data-testid=release-cancel]', { timeout: 30_000 });
      const pressedAt = Date.now();
      const { run: queued } = (await (await posted).json()) as { run: SimRunView };
      const answer = await cancelled;
      const answered = answer ? ((await answer.json()) as { run?: SimRunView }).run : undefined;
      await page.waitForFunction(() => ['cancelled', 'done', 'failed'].includes(document.querySelector('[data-testid=release-panel]')?.getAttribute('data-run-phase') ?? ''), undefined, { timeout: 60_000 });
      const { run } = await hubAs<{ run: SimRunView }>(env.hub, 'drill-planner', `/sim/runs/${queued.id}`);
      outcome = run.state;
      const when = answered ? (answered.startedAt ? `running (for about ${pressedAt - answered.startedAt} ms)` : 'queued') : `too late (HTTP ${answer?.status() ?? 'none'})`;
      console.log(`[release] cancel attempt ${attempt}: pressed while ${when}; run ended ${run.state} (panel ${await page.getAttribute('[data-testid=release-panel]', 'data-run-phase')}, ${Date.now() - pressedAt} ms after the press)`);
      if (outcome === 'done') await page.click('[data-testid=release-edit]');
    }
    expect(outcome, 'the run ends cancelled').toBe('cancelled');
    expect(await page.getAttribute('[data-testid=release-panel]', 'data-run-phase')).toBe('cancelled');
    await page.close();
  }, 240_000);

  it('a safety officer has no release control', async () => {
    const page = await env.browser.newPage({ viewport: WALL_VIEWPORT });
    await logIn(page, env.next.url, 'officer-CP-E1');
    await page.goto(`${env.next.url}/sites/${PARK}`);
    await page.waitForSelector('[data-testid=site-wall] [data-connection=live]', { timeout: 60_000 });
    expect(await page.locator('[data-testid=release-open]').count()).toBe(0);
    await page.close();
  });
});
