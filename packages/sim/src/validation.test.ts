// Reproduces every published case in fixtures/plume-cases.json (and the dense-gas fixtures) within its stated tolerance.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { densePlume } from './dense-gas.ts';
import { plumeConcentrationKgM3, plumeMaximumKgM3 } from './gaussian-plume.ts';
import { farthestCrossingM } from './search.ts';
import { isc3SigmaYM, isc3SigmaZM, sigmaYM, sigmaZM } from './sigma.ts';
import { gasOrificeRate, liquidOrificeRate } from './source-terms.ts';
import { windAtHeightMS, windProfileExponent, type StabilityClass } from './stability.ts';
import { idealGasDensityKgM3, ppmToMgM3 } from './units.ts';
import { AIR_MOLAR_MASS_KG_MOL } from './constants.ts';

interface FixtureCase {
  id: string;
  source: string;
  inputs: Record<string, number | string>;
  expected: Record<string, number>;
  tolerance_suggested: Record<string, number>;
}

const load = (name: string): FixtureCase[] =>
  (JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as { cases: FixtureCase[] }).cases;

/** One checked quantity: computed vs expected with a relative tolerance or a factor band. */
interface Check {
  quantity: string;
  computed: number;
  expected: number;
  rel?: number;
  factor?: number;
}

const num = (v: number | string | undefined): number => {
  if (typeof v !== 'number') throw new Error(`expected a number, got ${String(v)}`);
  return v;
};
const cls = (v: number | string | undefined): StabilityClass => String(v).trim().charAt(0) as StabilityClass;

/** Ground-level, H = 0 steady plume distance to C/Q = 1/(ratio·7.56 m³/s), Briggs rural (EPA RMP OCA screening comparison). */
function rmpDistanceM(c: FixtureCase): number {
  const qOverEndpointM3S = num(c.inputs.release_rate_over_endpoint_lbmin_per_mgL) * 7.56;
  const p = { rateKgS: 1, windSpeedMS: num(c.inputs.u_m_per_s), releaseHeightM: 0, stabilityClass: cls(c.inputs.stability), sigmaSet: 'briggs-rural' as const };
  return farthestCrossingM((x) => plumeConcentrationKgM3(p, x, 0, 0), 1 / qOverEndpointM3S).distanceM;
}

function checksFor(c: FixtureCase): Check[] {
  const i = c.inputs;
  const e = c.expected;
  const t = c.tolerance_suggested;
  if (c.id === 'CL3-Ex5-1-sigmas-500m') {
    return [
      { quantity: 'sigma_y_m', computed: sigmaYM(num(i.x_m), cls(i.stability), 'briggs-rural'), expected: num(e.sigma_y_m), rel: t.rel },
      { quantity: 'sigma_z_m', computed: sigmaZM(num(i.x_m), cls(i.stability), 'briggs-rural'), expected: num(e.sigma_z_m), rel: t.rel },
    ];
  }
  if (c.id.startsWith('CL3-Ex5-1-C-')) {
    const p = { rateKgS: num(i.Q_g_per_s) / 1000, windSpeedMS: num(i.u_m_per_s), releaseHeightM: num(i.H_effective_m), stabilityClass: cls(i.stability), sigmaSet: 'briggs-rural' as const };
    return [{ quantity: 'C_g_per_m3', computed: plumeConcentrationKgM3(p, num(i.x_m), num(i.y_m), num(i.z_m)) * 1000, expected: num(e.C_g_per_m3), rel: t.rel }];
  }
  if (c.id === 'CL3-Ex5-1-Cmax') {
    const p = { rateKgS: num(i.Q_g_per_s) / 1000, windSpeedMS: num(i.u_m_per_s), releaseHeightM: num(i.H_effective_m), stabilityClass: cls(i.stability), sigmaSet: 'briggs-rural' as const };
    const m = plumeMaximumKgM3(p);
    return [
      { quantity: 'Cmax_g_per_m3', computed: m.concentrationKgM3 * 1000, expected: num(e.Cmax_g_per_m3), rel: t.Cmax_rel },
      { quantity: 'x_at_max_m', computed: m.xM, expected: num(e.x_at_max_m_approx), rel: t.x_at_max_rel },
    ];
  }
  if (c.id.startsWith('CCPS99-gasjet')) {
    const r = gasOrificeRate({ pressurePa: num(i.P0_Pa_abs), temperatureK: num(i.T0_K), molarMassKgMol: num(i.M_kg_per_mol), heatCapacityRatio: num(i.k), holeDiameterM: num(i.d_m), dischargeCoefficient: num(i.Cd), ambientPressurePa: num(i.Pa_Pa) });
    return [
      { quantity: 'm_dot_kg_per_s', computed: r.rateKgS, expected: num(e.m_dot_kg_per_s), rel: t.rel },
      { quantity: 'exit_pressure_Pa', computed: r.throatPressurePa, expected: num(e.exit_pressure_Pa), rel: t.rel },
    ];
  }
  if (c.id.startsWith('CCPS99-liquidjet')) {
    const r = liquidOrificeRate({ liquidDensityKgM3: num(i.rho_liquid_kg_m3), pressurePa: num(i.P_upstream_Pa_abs), ambientPressurePa: num(i.Pa_Pa), holeDiameterM: num(i.d_m), dischargeCoefficient: num(i.Cd) });
    return [
      { quantity: 'm_dot_kg_per_s', computed: r.rateKgS, expected: num(e.m_dot_kg_per_s), rel: t.rel },
      { quantity: 'u_jet_m_per_s', computed: r.velocityMS, expected: num(e.u_jet_m_per_s), rel: t.rel },
    ];
  }
  if (c.id.startsWith('ISC3-sigmaz-')) return [{ quantity: 'sigma_z_m', computed: isc3SigmaZM(num(i.x_m), cls(i.stability)), expected: num(e.sigma_z_m), rel: t.rel }];
  if (c.id.startsWith('ISC3-sigmay-')) return [{ quantity: 'sigma_y_m', computed: isc3SigmaYM(num(i.x_m), cls(i.stability)), expected: num(e.sigma_y_m), rel: t.rel }];
  if (c.id.startsWith('wind-powerlaw-')) {
    const p = windProfileExponent(cls(i.stability), 'rural');
    return [
      { quantity: 'p', computed: p, expected: num(i.p), rel: 1e-12 },
      { quantity: 'u_m_per_s', computed: windAtHeightMS(num(i.u_ref_m_per_s), num(i.z_ref_m), num(i.z_m), p), expected: num(e.u_m_per_s), rel: t.rel },
    ];
  }
  if (c.id.startsWith('EPA-RMP-OCA-')) return [{ quantity: 'distance_m', computed: rmpDistanceM(c), expected: num(e.distance_m), factor: t.distance_factor }];
  if (c.id.startsWith('units-')) return [{ quantity: 'mg_per_m3', computed: ppmToMgM3(num(i.ppm), num(i.MW_g_per_mol)), expected: num(e.mg_per_m3), rel: t.rel }];
  if (c.id.startsWith('CCPS99-p122-BM-plume-LNG')) {
    const rho = num(i.gas_density_kg_m3);
    const pl = densePlume({
      releaseDensityKgM3: rho,
      ambientDensityKgM3: idealGasDensityKgM3(AIR_MOLAR_MASS_KG_MOL, num(i.T_ambient_K)),
      releaseTemperatureK: num(i.T_release_K),
      ambientTemperatureK: num(i.T_ambient_K),
      windSpeed10MS: num(i.u10_m_s),
      volumeRateM3S: (num(i.liquid_rate_m3_s) * num(i.liquid_density_kg_m3)) / rho,
    });
    const x = typeof i.x_m === 'number' ? i.x_m : 10 ** (-0.5 * pl.alpha + 1.78) * pl.lengthScaleM;
    return [{ quantity: 'volume_fraction', computed: pl.centrelineVolumeFraction(x), expected: num(e.volume_fraction), rel: t.rel }];
  }
  throw new Error(`no handler for case ${c.id}`);
}

const CASES = [...load('plume-cases.json'), ...load('dense-gas-cases.json')].map((c) => ({ title: c.id, source: c.source, case: c }));

/** Agreement table rows, printed once so the README figures can be regenerated. */
const rows: string[] = [];

describe('published cases (fixtures/plume-cases.json, fixtures/dense-gas-cases.json)', () => {
  it('covers at least the 43 reference cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(43);
  });
  for (const { title, case: c } of CASES) {
    it(title, () => {
      for (const ch of checksFor(c)) {
        const msg = `${title} ${ch.quantity}: computed ${ch.computed}, expected ${ch.expected}`;
        expect(Number.isFinite(ch.computed), msg).toBe(true);
        if (ch.factor !== undefined) {
          expect(ch.computed, msg).toBeGreaterThanOrEqual(ch.expected / ch.factor);
          expect(ch.computed, msg).toBeLessThanOrEqual(ch.expected * ch.factor);
          rows.push(`| ${title} | ${ch.quantity} | ${ch.expected} | ${ch.computed.toPrecision(5)} | ×${(ch.computed / ch.expected).toFixed(2)} | factor ${ch.factor} |`);
        } else {
          const rel = Math.abs(ch.computed - ch.expected) / Math.abs(ch.expected);
          expect(rel, msg).toBeLessThanOrEqual(ch.rel ?? 0);
          rows.push(`| ${title} | ${ch.quantity} | ${ch.expected} | ${ch.computed.toPrecision(7)} | ${rel.toExponential(1)} | rel ${ch.rel} |`);
        }
      }
    });
  }
  it('prints the agreement table when SIM_PRINT_AGREEMENT is set', () => {
    if (process.env.SIM_PRINT_AGREEMENT) console.log(['| case | quantity | expected | computed | rel. error / ratio | tolerance |', '|---|---|---|---|---|---|', ...rows].join('\n'));
    expect(rows.length).toBeGreaterThan(0);
  });
});
