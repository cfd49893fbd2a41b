import { describe, expect, it } from 'vitest';
import { dropEvidence, PRESSURE_TREND_MS } from './confirmation.ts';

const at = (ts: number, value: number) => ({ ts, value });

describe('dropEvidence', () => {
  it('flow: confirms a line that fell to 10 % of its flow before the command, not a throttled one', () => {
    expect(dropEvidence('flow', 'FT-1', at(0, 3), at(20_000, 0.2))?.en).toMatch(/FT-1 flow 0.2 kg\/s, was 3 kg\/s/);
    expect(dropEvidence('flow', 'FT-1', at(0, 3), at(20_000, 0.2))?.text).toEqual({ key: 'valve.flow-drop', values: { device: 'FT-1', nowKgS: 0.2, beforeKgS: 3, pct: 10 } });
    expect(dropEvidence('flow', 'FT-1', at(0, 3), at(20_000, 0.5))).toBeNull();
    expect(dropEvidence('flow', 'FT-1', at(0, 0.01), at(20_000, 0))).toBeNull();
  });

  it('pressure steady before the command: a 10 % fall confirms', () => {
    const earlier = at(-PRESSURE_TREND_MS, 800);
    expect(dropEvidence('pressure', 'PT-1', at(0, 800), at(30_000, 700), earlier)?.en).toMatch(/PT-1 pressure 700 kPa, was 800 kPa before the command \(fell ≥ 10 %\)/);
    expect(dropEvidence('pressure', 'PT-1', at(0, 800), at(30_000, 760), earlier)).toBeNull();
  });

  it('pressure already falling from the leak: the same fall carried on does not confirm; a fall 10 % beyond it does', () => {
    // 800 → 740 kPa in the minute before the command: 1 kPa/s from the leak alone.
    const earlier = at(-PRESSURE_TREND_MS, 800), before = at(0, 740);
    // 30 s later at 710: the leak's own trend, no sign the valve shut the feed.
    expect(dropEvidence('pressure', 'PT-1', before, at(30_000, 710), earlier)).toBeNull();
    // Without the trend this would have passed as a 10 % fall (666 ≤ 0.9 × 740) — the defect this guards against.
    expect(dropEvidence('pressure', 'PT-1', before, at(30_000, 666), earlier)).toBeNull();
    // 30 s later at 630: 80 kPa below the trend's 710, more than 10 % of 740.
    expect(dropEvidence('pressure', 'PT-1', before, at(30_000, 630), earlier)?.en).toMatch(/fell ≥ 10 %, beyond the 60 kPa\/min it was already falling/);
    expect(dropEvidence('pressure', 'PT-1', before, at(30_000, 630), earlier)?.text).toMatchObject({ key: 'valve.pressure-drop-trend', values: { fallKpaMin: 60 } });
  });

  it('a rising pressure before the command is no trend to beat (the fall counts from the baseline)', () => {
    expect(dropEvidence('pressure', 'PT-1', at(0, 800), at(30_000, 710), at(-PRESSURE_TREND_MS, 700))?.en).toMatch(/fell ≥ 10 %\)/);
  });
});
