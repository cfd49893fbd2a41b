import type { Page } from 'playwright-core';

/**
 * Waits for `selector` and prints how long it took next to the design bound. Browser tests
 * never assert a duration (software WebGL on a shared 2-core machine stalls the page for
 * seconds): the bound is checked where it is decided — the link watchdog's and the alarm
 * path's own unit tests — and the observed time is reported here.
 */
export async function waitAndReport(page: Page, selector: string, what: string, since: number, designBoundMs: number, timeoutMs = 20_000): Promise<number> {
  await page.waitForSelector(selector, { timeout: timeoutMs });
  const elapsedMs = Date.now() - since;
  console.log(`[e2e] ${what}: ${elapsedMs} ms (design bound ${designBoundMs} ms)`);
  return elapsedMs;
}
