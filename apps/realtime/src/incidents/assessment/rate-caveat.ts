// The caveat on a fitted release rate the readings do not pin (unpinnedRateRangeKgS, @safetwin/protocol): the card
// shows such a rate as its range; the assessment's warnings and the fire brigade's brief say it in words, because the
// zones are drawn for the fit — the middle of the range — and may be too small.
import { unpinnedRateRangeKgS } from '@safetwin/protocol';
import { said, type Said } from '../../said.ts';

/** The caveat for item `id` fitted at `rateKgS` ×/÷ `rateFactor` (1 σ), or null when the readings pin the rate. */
export function unpinnedRateSaid(id: string, rateKgS: number, rateFactor: number): Said | null {
  const range = unpinnedRateRangeKgS(rateKgS, rateFactor);
  if (!range) return null;
  const kgS = (q: number) => Number(q.toPrecision(2));
  const [lowKgS, highKgS, fitKgS] = [kgS(range.lowKgS), kgS(range.highKgS), kgS(rateKgS)];
  return said(
    `the readings pin ${id}'s release rate only to ${lowKgS}–${highKgS} kg/s (1 σ): the zones are drawn for ${fitKgS} kg/s and may be too small`,
    'brief.rate-unpinned',
    { id, lowKgS, highKgS, rateKgS: fitKgS },
  );
}
