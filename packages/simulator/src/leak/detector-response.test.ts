import { describe, expect, it } from 'vitest';
import { requireChemical } from '@safetwin/sim';
import { demoSites, type Sensor } from '@safetwin/twin-models';
import { detectorResponse, kindSees } from './detector-response.ts';

// Which detectors see which substance, and in which unit.
const PARK = demoSites().find((s) => s.kind === 'chemical-park')!;
const first = (kind: string): Sensor => PARK.sensors.find((s) => s.kind === kind)!;

describe('detector response', () => {
  it('reads ppm on the toxic detector of that gas only', () => {
    const cl2 = requireChemical('Cl2');
    expect(detectorResponse(first('gas-cl2'), cl2)).toEqual({ metric: 'cl2_ppm', perPpm: 1 });
    for (const kind of ['gas-nh3', 'gas-hcl', 'gas-h2s', 'gas-flammable', 'gas-o2', 'pressure']) expect(detectorResponse(first(kind), cl2), kind).toBeNull();
    expect(detectorResponse(first('gas-nh3'), requireChemical('NH3'))).toEqual({ metric: 'nh3_ppm', perPpm: 1 });
  });

  it('reads %LEL on flammable detectors for every substance with a LEL, from the plume engine library', () => {
    // Propane LEL 2.1 vol % = 21 000 ppm = 100 %LEL.
    expect(detectorResponse(first('gas-flammable'), requireChemical('C3H8'))!.perPpm * 21_000).toBeCloseTo(100, 9);
    expect(detectorResponse(first('gas-flammable'), requireChemical('CH4'))!.perPpm * 50_000).toBeCloseTo(100, 9);
    expect(detectorResponse(first('gas-flammable'), requireChemical('LPG'))).toEqual({ metric: 'lel_pct', perPpm: 100 / (requireChemical('LPG').lelVolPct! * 1e4) });
    expect(kindSees('gas-flammable', requireChemical('NH3'))).toBe(true);
    expect(kindSees('gas-flammable', requireChemical('Cl2'))).toBe(false);
    expect(kindSees('gas-flammable', requireChemical('HCl'))).toBe(false);
    expect(kindSees('gas-co', requireChemical('CO'))).toBe(true);
    expect(kindSees('gas-so2', requireChemical('H2S'))).toBe(false);
  });
});
