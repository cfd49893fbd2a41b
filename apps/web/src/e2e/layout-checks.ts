// Layout checks for the browser tests: things a screenshot shows a person but a click on the
// element's centre does not — a card shrunk under its neighbour, a control partly covered.
import type { Page } from 'playwright-core';

/**
 * Where the element `selector` is covered: it is scrolled into view and hit-tested at its centre
 * and 3 px inside each corner; each point where another element is on top is told with that
 * element. Empty when a user can click it anywhere.
 */
export async function coveredPoints(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).first().evaluate((target) => {
    target.scrollIntoView({ block: 'nearest' });
    const r = target.getBoundingClientRect();
    const inset = 3;
    const points: Array<[string, number, number]> = [
      ['centre', r.x + r.width / 2, r.y + r.height / 2],
      ['top left', r.left + inset, r.top + inset],
      ['top right', r.right - inset, r.top + inset],
      ['bottom left', r.left + inset, r.bottom - inset],
      ['bottom right', r.right - inset, r.bottom - inset],
    ];
    const name = (e: Element) => `<${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? ` data-testid=${e.getAttribute('data-testid')}` : ''} class="${e.className}">${(e.textContent ?? '').trim().slice(0, 40)}`;
    return points.flatMap(([where, x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit && (hit === target || target.contains(hit)) ? [] : [`${where} (${Math.round(x)}, ${Math.round(y)}): ${hit ? name(hit) : 'outside the page'}`];
    });
  });
}

/**
 * Children of each `containers` element that do not hold their content (shrunk below it, so it
 * spills over the next child) or overlap the next child. Empty when the stack is laid out whole.
 */
export async function spilledChildren(page: Page, containers: string): Promise<string[]> {
  return page.locator(containers).evaluateAll((elements) =>
    elements.flatMap((container) => {
      const children = [...container.children] as HTMLElement[];
      const name = (e: HTMLElement) => e.getAttribute('data-testid') ?? e.getAttribute('aria-label') ?? e.className;
      return children.flatMap((child, i) => {
        const problems: string[] = [];
        if (child.scrollHeight > child.clientHeight + 1) problems.push(`${name(child)} is ${child.clientHeight} px high, its content ${child.scrollHeight} px`);
        const next = children[i + 1];
        if (next && child.getBoundingClientRect().bottom > next.getBoundingClientRect().top + 0.5) problems.push(`${name(child)} overlaps ${name(next)}`);
        return problems;
      });
    }),
  );
}
