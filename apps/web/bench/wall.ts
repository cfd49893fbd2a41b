// `npm run bench:wall`: the site wall with a synthetic site of 10,000 sensors and 500 moving
// people (issue 3), in headless Chromium, next to a plain deck.gl ScatterplotLayer of the same
// N rendered in the same run. Prints frame-time percentiles and the JS heap / DOM size before
// and after a long run. Never asserts a time: it reports figures.
//
//   npm run bench:wall -- [--minutes 5] [--sample-s 30] [--width 3840 --height 2160] [--gpu]
//                         [--sensors 10000 --people 500]
//
// Without --gpu Chromium renders with SwiftShader (software WebGL): the figures then say how the
// CPU copes, not what a wall PC with a GPU does; the renderer string is printed with them.
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { freePort } from '../src/e2e/free-port.ts';
import { buildIfNeeded, startNext } from '../src/e2e/next-server.ts';
import { frameStats, type FrameStats } from '../src/bench/frame-stats.ts';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    'sample-s': { type: 'string', default: '30' },
    width: { type: 'string', default: '3840' },
    height: { type: 'string', default: '2160' },
    sensors: { type: 'string', default: '10000' },
    people: { type: 'string', default: '500' },
    gpu: { type: 'boolean', default: false },
  },
});
const minutes = Number(args.minutes);
const sampleS = Number(args['sample-s']);
const viewport = { width: Number(args.width), height: Number(args.height) };
const query = `sensors=${Number(args.sensors)}&people=${Number(args.people)}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RENDER_ARGS = args.gpu ? ['--enable-gpu', '--ignore-gpu-blocklist', '--use-angle=default'] : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/**
 * In-page frame sampler: requestAnimationFrame intervals for `durationMs` into a preallocated
 * buffer (no allocation per frame). A string, not a function: tsx would wrap a function's inner
 * closures in a `__name` helper that does not exist in the page.
 */
const FRAME_SAMPLER = `(durationMs) => new Promise((resolve) => {
  const buffer = new Float64Array(100000);
  let count = 0;
  let last = performance.now();
  const end = last + durationMs;
  const step = (now) => {
    if (count < buffer.length) buffer[count++] = now - last;
    last = now;
    if (now < end) requestAnimationFrame(step);
    else resolve(Array.from(buffer.subarray(1, count)));
  };
  requestAnimationFrame(step);
})`;

/** Collects requestAnimationFrame intervals for `seconds` in the page. */
async function sampleFrames(page: Page, seconds: number): Promise<FrameStats> {
  const intervals = (await page.evaluate(`(${FRAME_SAMPLER})(${seconds * 1000})`)) as number[];
  return frameStats(intervals);
}

/** JS heap after a forced garbage collection, and the DOM node count. */
async function memory(cdp: CDPSession): Promise<{ heapMB: number; domNodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heapMB: get('JSHeapUsedSize') / 1e6, domNodes: get('Nodes') };
}

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const row = (name: string, s: FrameStats) =>
  `${name.padEnd(34)} frames ${String(s.frames).padStart(6)}  p50 ${fmt(s.p50Ms).padStart(7)} ms  p95 ${fmt(s.p95Ms).padStart(7)} ms  p99 ${fmt(s.p99Ms).padStart(7)} ms  ${fmt(s.fps)} fps`;

async function main(): Promise<void> {
  console.log(`bench:wall — ${args.sensors} sensors, ${args.people} people, ${viewport.width}×${viewport.height}, ${args.gpu ? 'GPU' : 'SwiftShader'}; sample ${sampleS} s, soak ${minutes} min`);
  if (await buildIfNeeded()) console.log('built the web app (next build)');
  const port = await freePort();
  const next = await startNext(port, { SAFETWIN_BENCH: '1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-gpu-vsync', '--disable-frame-rate-limit', ...RENDER_ARGS],
  });
  try {
    const page = await browser.newPage({ viewport });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    // Baseline first: a plain ScatterplotLayer of the same points, fed by the same simulator.
    await page.goto(`${next.url}/bench/scatter?${query}`);
    await page.waitForSelector('[data-testid=bench-scatter] canvas', { timeout: 120_000 });
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
    });
    console.log(`renderer: ${renderer}`);
    await page.waitForTimeout(5_000);
    const baseline = await sampleFrames(page, sampleS);

    // The wall: same site, same feed, every panel.
    await page.goto(`${next.url}/bench/wall?${query}`);
    await page.waitForSelector('[data-testid=site-wall] canvas', { timeout: 180_000 });
    await page.waitForSelector('[data-connection=live]', { timeout: 60_000 });
    await page.waitForTimeout(10_000);
    const before = await memory(cdp);
    const wallStart = await sampleFrames(page, sampleS);
    const soakMs = Math.max(0, minutes * 60_000 - sampleS * 2_000);
    console.log(`soaking ${fmt(soakMs / 60_000)} min…`);
    await page.waitForTimeout(soakMs);
    const wallEnd = await sampleFrames(page, sampleS);
    const after = await memory(cdp);

    console.log('');
    console.log(row('baseline: deck.gl ScatterplotLayer', baseline));
    console.log(row('site wall (start)', wallStart));
    console.log(row(`site wall (after ${minutes} min)`, wallEnd));
    console.log(`wall/baseline p95 ratio: ${fmt(wallStart.p95Ms / baseline.p95Ms, 2)}×  (target on a real GPU: wall p95 ≤ 20 ms at 4K)`);
    console.log(`JS heap after GC: ${fmt(before.heapMB)} MB → ${fmt(after.heapMB)} MB (${fmt(after.heapMB - before.heapMB)} MB over ${minutes} min); DOM nodes ${before.domNodes} → ${after.domNodes}`);
  } finally {
    await browser.close();
    await next.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
