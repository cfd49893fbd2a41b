// Paging a miner's tag (issue 7): the one path from the hub to a tag's pager, used by the
// withdrawal orders and by the dispatcher's pages, and the one rule for reading its acknowledgement.
import type { CommandRecord, CommandRequest, TagPage } from '@safetwin/protocol';

/** Sends field commands (the hub's CommandChannel). */
export interface TagPageCommander {
  send(request: CommandRequest, issuedBy: string): Promise<CommandRecord>;
}

/**
 * Sends a `tag.page` to one tag through the command channel (recorded there with `issuedBy` and
 * `reason`) and resolves with the command's outcome (`acknowledged` = the tag took the page, not
 * that its wearer read it); a send that throws is reported to `onError` and resolves `failed`.
 */
export async function sendTagPage(
  commands: TagPageCommander,
  target: { siteId: string; tagDeviceId: string; reason: string },
  page: TagPage,
  issuedBy: string,
  onError: (err: unknown) => void,
): Promise<CommandRecord['state'] | 'failed'> {
  try {
    const record = await commands.send({ siteId: target.siteId, deviceId: target.tagDeviceId, action: 'tag.page', reason: target.reason.slice(0, 500), page: { ...page, text: page.text.slice(0, 200) } }, issuedBy);
    return record.state;
  } catch (err) {
    onError(err);
    return 'failed';
  }
}

/**
 * Whether a tag reading acknowledges a page sent at `pagedAtMs`: the wearer pressed acknowledge
 * (`page_ack` = 1) at or after the page (sensor time), so a flag left from an earlier page does not count.
 */
export function acknowledgesPage(values: Readonly<Record<string, number>>, tsMs: number, pagedAtMs: number): boolean {
  return values.page_ack === 1 && tsMs >= pagedAtMs;
}
