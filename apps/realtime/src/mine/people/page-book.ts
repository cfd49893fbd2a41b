// The dispatcher's pages to people underground (POST/GET /sites/:id/pages): who was paged, what
// the tag's command channel answered, and when each wearer acknowledged (the tag's `page_ack`).
import type { LiveReading, PageRecipientView, PageView } from '@safetwin/protocol';
import { acknowledgesPage } from '../tag-page.ts';

/** Pages kept per mine (oldest dropped first). */
export const PAGES_KEPT = 200;

/** The pages of every mine, in memory, acknowledged from the tags' readings. */
export class PageBook {
  private readonly bySite = new Map<string, PageView[]>();
  /** Recipients still waiting for their wearer, by tag. */
  private readonly waiting = new Map<string, Array<{ page: PageView; recipient: PageRecipientView }>>();
  private count = 0;

  /** Records a page about to be sent; the recipients' command states are filled in as they come back. */
  add(page: Omit<PageView, 'id' | 'acknowledged'>): PageView {
    const view: PageView = { ...page, id: `PG-${page.siteId}-${++this.count}`, acknowledged: 0 };
    const list = this.bySite.get(page.siteId) ?? [];
    list.push(view);
    if (list.length > PAGES_KEPT) for (const old of list.splice(0, list.length - PAGES_KEPT)) this.forget(old);
    this.bySite.set(page.siteId, list);
    for (const recipient of view.recipients) this.waiting.set(recipient.tagDeviceId, [...(this.waiting.get(recipient.tagDeviceId) ?? []), { page: view, recipient }]);
    return view;
  }

  /** A mine's pages, newest first. */
  list(siteId: string): PageView[] {
    return [...(this.bySite.get(siteId) ?? [])].reverse().map((p) => structuredClone(p));
  }

  /** Tag readings: a `page_ack` = 1 at or after a page acknowledges every page waiting on that tag. */
  observe(readings: readonly LiveReading[]): void {
    for (const r of readings) {
      const waiting = r.values.page_ack === 1 ? this.waiting.get(r.deviceId) : undefined;
      if (!waiting) continue;
      const left = waiting.filter(({ page, recipient }) => {
        if (!acknowledgesPage(r.values, r.ts, page.at)) return true;
        recipient.ackedAt = r.ts;
        page.acknowledged++;
        return false;
      });
      if (left.length > 0) this.waiting.set(r.deviceId, left);
      else this.waiting.delete(r.deviceId);
    }
  }

  private forget(page: PageView): void {
    for (const r of page.recipients) {
      const left = (this.waiting.get(r.tagDeviceId) ?? []).filter((w) => w.page !== page);
      if (left.length > 0) this.waiting.set(r.tagDeviceId, left);
      else this.waiting.delete(r.tagDeviceId);
    }
  }
}
