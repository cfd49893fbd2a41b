// An incident handed over on a plant officer's wall in a real browser: `officer-CP-E1` watches the
// park wall while a park-level incident (no plant of its own) whose source estimate names a CP-E1
// tank is on it; then the hub records an estimate that moves the likely source to CP-E2 (as
// apps/realtime/src/incidents/source-move-scenario.ts does, through the hub's incident service).
// The incident card must go, the handover notice naming the incident must take the top of the
// situation column, and it must not cover the KPI panel below it. Never asserts a duration.
// Screenshot: .reports/screenshots/incident-handover.png.
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { enuToLonLat, type ChemicalPark } from '@safetwin/twin-models';
import type { IncidentAssessmentView, SitePlace } from '@safetwin/protocol';
import { coveredPoints, spilledChildren } from './layout-checks.ts';
import { HAVE_CHROMIUM, SCREENSHOTS, hubAs, logIn, warnIfNoChromium, webEnvForSuite } from './web-env.ts';

warnIfNoChromium('incident handover browser tests');

const PARK = 'cp-nanjing';
const PLANT_A = 'CP-E1';
const PLANT_B = 'CP-E2';
const OFFICER = `officer-${PLANT_A}`;
const CARD = '[data-testid=incident-card]';
const NOTICE = '[data-testid=incident-handover]';
/** The situation column: the notices, then the KPI panels. */
const LEFT_COLUMN = '[data-testid=site-wall] aside:has(> [data-testid=kpi-panel])';

/**
 * An assessment numbered `seq` whose source estimate names `candidates` (most probable first); no
 * zones, isolation or evacuation. Numbered far above the hub's own assessments, which it then ignores.
 */
function estimate(seq: number, at: number, candidates: readonly { id: string; enterpriseId: string; place: SitePlace; probability: number }[]): IncidentAssessmentView {
  return {
    seq, computedAt: at, dataUntil: at, computeMs: 100,
    weather: { windSpeedMS: 2, windFromDeg: 90, stability: 'D', observedAt: at },
    source: {
      discriminating: true, reason: null, hitDetectorIds: [], detectorsUsed: 0,
      candidates: candidates.map((c) => ({ ...c, kind: 'equipment', label: c.id, chemical: 'Cl2', rateKgS: 1.5, rateFactor: 1.4, releaseStartMs: at - 60_000 })),
      chosen: { id: candidates[0]!.id, kind: 'equipment', place: candidates[0]!.place, from: 'estimate' },
    },
    isolation: null, release: null, zones: [], evacuation: null, doses: [], warnings: [],
  };
}

describe.skipIf(!HAVE_CHROMIUM)('a plant officer’s wall when an incident’s likely source moves to another plant', () => {
  const stack = webEnvForSuite();

  it('drops the incident card and shows the handover notice at the top of the situation column, over nothing', async () => {
    const { browser, hub, next } = stack.env;
    const park = hub.registry.site(PARK) as ChemicalPark;
    const item = (enterpriseId: string) => {
      const e = park.equipment.find((x) => x.enterpriseId === enterpriseId)!;
      const { lonDeg, latDeg } = enuToLonLat(park.origin, e.position);
      return { id: e.id, enterpriseId, place: { eastM: e.position.eastM, northM: e.position.northM, lonLat: [lonDeg, latDeg] as [number, number] } };
    };
    const [a, b] = [item(PLANT_A), item(PLANT_B)];

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    onTestFinished(() => page.close());
    page.on('pageerror', (err) => console.log(`[handover] page error: ${err.message}`));
    await logIn(page, next.url, OFFICER);
    await page.goto(`${next.url}/sites/${PARK}`);
    await page.waitForSelector('[data-testid=site-wall] [data-connection=live]', { timeout: 60_000 });
    expect(await page.locator(CARD).count(), 'no incident on the wall before').toBe(0);

    const title = `Cl₂ release at ${a.id} (handover e2e)`;
    const created = await hub.incidents.create({
      siteId: PARK, enterpriseId: null, origin: 'declared', title, titleText: null, chemical: 'Cl2',
      declared: { equipmentId: a.id, place: a.place, rateKgS: 2 }, createdBy: 'commander',
    });
    const at = Date.now();
    await hub.incidents.recordAssessment(created.id, estimate(1000, at, [{ ...a, probability: 0.8 }, { ...b, probability: 0.05 }]));
    await page.waitForSelector(`${CARD}[data-incident-id="${created.id}"]`, { timeout: 60_000 });
    expect(await page.textContent('[data-testid=incident-title]')).toBe(title);

    await hub.incidents.recordAssessment(created.id, estimate(1001, at + 1_000, [{ ...b, probability: 0.85 }, { ...a, probability: 0.03 }]));
    const notice = `${NOTICE}[data-incident-id="${created.id}"]`;
    await page.waitForSelector(notice, { timeout: 60_000 });
    expect(await page.locator(CARD).count(), 'the incident card left the wall').toBe(0);
    expect(await page.getAttribute(notice, 'data-reason')).toBe('source-moved');
    expect(await page.textContent(notice)).toContain(`Incident "${title}" no longer concerns your plant`);
    // The hub agrees: the officer no longer sees it; the wall did not guess.
    const visible = await hubAs<{ incidents: { id: string }[] }>(hub, OFFICER, `/incidents?siteId=${PARK}`);
    expect(visible.incidents.some((i) => i.id === created.id)).toBe(false);

    // In the column's flow: the notice first, the KPI panel whole and uncovered below it.
    const order = await page.locator(`${LEFT_COLUMN} > *`).evaluateAll((els) => els.map((e) => e.querySelector('[data-testid=incident-handover]') ? 'notice' : e.getAttribute('data-testid') ?? e.tagName));
    expect(order.slice(0, 2), 'the notice, then the KPI panel').toEqual(['notice', 'kpi-panel']);
    expect(await spilledChildren(page, LEFT_COLUMN), 'situation column laid out whole').toEqual([]);
    expect(await coveredPoints(page, '[data-testid=kpi-panel]'), 'KPI panel uncovered').toEqual([]);
    for (const count of await page.locator('[data-testid=kpi-panel] [data-zero]').all()) {
      expect(await coveredPoints(page, `[data-testid=kpi-panel] [data-testid=${await count.getAttribute('data-testid')}]`), 'sensor counts uncovered').toEqual([]);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'incident-handover.png'), timeout: 120_000 });
  }, 300_000);
});
