import { describe, expect, it } from 'vitest';
import { RISK_COLOURS } from '../../lib/region-status.ts';
import { GRADE_RGB } from '../../wall/palette.ts';
import { NOT_CURRENT_STYLE, RISK_STYLES, siteMarkerStyle } from './risk-style.ts';

describe('risk styles', () => {
  it('gives every grade its own colour and its own shape, so it reads without colour', () => {
    expect(new Set(RISK_COLOURS.map((r) => RISK_STYLES[r].shape)).size).toBe(4);
    for (const r of RISK_COLOURS) expect(RISK_STYLES[r].rgb, r).toEqual(GRADE_RGB[r]);
  });

  it('never draws a status that is not current in a risk colour', () => {
    for (const r of RISK_COLOURS) {
      expect(siteMarkerStyle(r, false), r).toBe(NOT_CURRENT_STYLE);
      expect(Object.values(GRADE_RGB)).not.toContainEqual(siteMarkerStyle(r, false).rgb);
      expect(siteMarkerStyle(r, true), r).toBe(RISK_STYLES[r]);
    }
    expect(siteMarkerStyle(null, true)).toBe(NOT_CURRENT_STYLE);
  });
});
