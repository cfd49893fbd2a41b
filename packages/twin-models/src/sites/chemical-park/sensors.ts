// Demo chemical park: sensors. Gas detectors ring every item that holds a hazardous gas
// (GB/T 50493-2019: within 4 m of a toxic and 10 m of a flammable release source outdoors; at
// least 2 per 1000 m² of unit area), low for heavy gases and high for light ones; process
// transmitters on vessels, reactors and columns; flow transmitters on metered lines;
// fence-line detectors and two weather stations run by the park.
import type { z } from 'zod';
import type { EquipmentSchema, PipeNodeSchema, PipeSegmentSchema } from '../../schema/chemical-park.ts';
import type { SensorSchema } from '../../schema/sensor.ts';
import type { GasDetectorKind } from '../../chemicals.ts';
import { CHEMICAL_INFO } from '../../chemicals.ts';
import type { Enu, EnuPlan } from '../../geo.ts';
import { lerpEnu } from '../../geometry.ts';
import type { KnownMetric } from '../../metrics.ts';
import { metricSpec } from '../../metrics.ts';
import {
  GAS_DETECTOR_SETPOINTS, OXYGEN_SETPOINTS, flowSetpoints, levelSetpoints, pressureSetpoints, temperatureSetpoints,
} from '../../setpoints.ts';
import type { SetpointLevels } from '../../setpoints.ts';
import { enu, idCounter, round } from '../util.ts';
import { footprintRadiusM } from './pipe-builder.ts';

type EquipmentInput = z.input<typeof EquipmentSchema>;
type SensorInput = z.input<typeof SensorSchema>;
type NodeInput = z.input<typeof PipeNodeSchema>;
type SegmentInput = z.input<typeof PipeSegmentSchema>;

/** Detector density of GB/T 50493-style layouts: detectors per m² of unit area. */
export const DETECTORS_PER_M2 = 2 / 1000;
/** Margin around an item's footprint that makes up its unit area, m. */
export const UNIT_MARGIN_M = 10;
/** Least number of detectors of one kind around an item. */
const MIN_DETECTORS = 4;

/** Unit area of an item: its footprint grown by {@link UNIT_MARGIN_M}, m². */
export function unitAreaM2(e: Pick<EquipmentInput, 'geometry'>): number {
  const g = e.geometry;
  return g.shape === 'box'
    ? (g.lengthM + 2 * UNIT_MARGIN_M) * (g.widthM + 2 * UNIT_MARGIN_M)
    : Math.PI * (g.diameterM / 2 + UNIT_MARGIN_M) ** 2;
}

const GAS_METRIC: Record<GasDetectorKind, KnownMetric> = {
  'gas-flammable': 'lel_pct', 'gas-cl2': 'cl2_ppm', 'gas-nh3': 'nh3_ppm', 'gas-h2s': 'h2s_ppm',
  'gas-co': 'co_ppm', 'gas-hcl': 'hcl_ppm', 'gas-so2': 'so2_ppm',
};
/** Detector mounting height, m: low (0.5 m) for gases heavier than air, above the release source (2.5 m) for lighter ones (GB/T 50493-2019). */
const LOW_MOUNT_M = 0.5;
const HIGH_MOUNT_M = 2.5;
const mountHeightM = (heavierThanAir: boolean) => (heavierThanAir ? LOW_MOUNT_M : HIGH_MOUNT_M);
/** Fence-line detectors watch for the park's typical release of each kind: LPG (heavy) for flammables, NH3 light. */
const FENCE_HEIGHT_M: Partial<Record<GasDetectorKind, number>> = {
  'gas-flammable': LOW_MOUNT_M, 'gas-cl2': LOW_MOUNT_M, 'gas-nh3': HIGH_MOUNT_M, 'gas-h2s': LOW_MOUNT_M,
};
const INDOOR = new Set<EquipmentInput['kind']>(['warehouse', 'control-room']);
/** Vessels that hold gas only (no liquid level). */
const GAS_PHASE = new Set(['CP-E3-TK-05', 'CP-E6-TK-01', 'CP-E6-TK-02']);

/** `n` points around an item: a ring for round items, spread along the (grown or shrunk) rectangle for boxes. */
function around(e: EquipmentInput, n: number, offsetM: number, upM: number): Enu[] {
  const c = e.position, g = e.geometry;
  if (g.shape !== 'box') {
    const r = g.diameterM / 2 + offsetM;
    return Array.from({ length: n }, (_, i) => {
      const a = ((45 + (360 * i) / n) * Math.PI) / 180;
      return enu(c.eastM + r * Math.sin(a), c.northM + r * Math.cos(a), upM);
    });
  }
  const hl = g.lengthM / 2 + offsetM, hw = g.widthM / 2 + offsetM;
  const t = (g.headingDeg * Math.PI) / 180;
  const u: EnuPlan = { eastM: Math.sin(t), northM: Math.cos(t) };
  const v: EnuPlan = { eastM: Math.cos(t), northM: -Math.sin(t) };
  // Walk the rectangle's perimeter (corners in order) and drop n evenly spaced points on it.
  const corners: Array<[number, number]> = [[-hl, -hw], [hl, -hw], [hl, hw], [-hl, hw]];
  return spacedAlong(corners.map(([a, b]) => ({ eastM: a, northM: b })), n).map((q) =>
    enu(c.eastM + q.eastM * u.eastM + q.northM * v.eastM, c.northM + q.eastM * u.northM + q.northM * v.northM, upM),
  );
}

/** `n` points evenly spaced along a closed polyline, starting half a spacing in. */
function spacedAlong(polygon: readonly EnuPlan[], n: number): EnuPlan[] {
  const lens = polygon.map((a, i) => {
    const b = polygon[(i + 1) % polygon.length]!;
    return Math.hypot(b.eastM - a.eastM, b.northM - a.northM);
  });
  const total = lens.reduce((x, y) => x + y, 0);
  const out: EnuPlan[] = [];
  for (let k = 0; k < n; k++) {
    let s = (total * (k + 0.5)) / n;
    let i = 0;
    while (s > lens[i]! && i < lens.length - 1) s -= lens[i++]!;
    const a = polygon[i]!, b = polygon[(i + 1) % polygon.length]!;
    const f = s / lens[i]!;
    out.push({ eastM: a.eastM + (b.eastM - a.eastM) * f, northM: a.northM + (b.northM - a.northM) * f });
  }
  return out;
}

const levels = (metric: string, l: SetpointLevels, basis: string) => ({ metric, ...l, basis });

/** Builds every sensor of the park. */
export function buildParkSensors(equipment: readonly EquipmentInput[], nodes: readonly NodeInput[], segments: readonly SegmentInput[], metered: readonly string[], boundary: readonly EnuPlan[]): SensorInput[] {
  const next = idCounter();
  const out: SensorInput[] = [];

  for (const e of equipment) {
    const owner = e.enterpriseId;
    // Gas detectors of each kind the held substance calls for.
    if (e.chemical) {
      for (const kind of CHEMICAL_INFO[e.chemical].detectors) {
        const n = Math.max(MIN_DETECTORS, Math.ceil(unitAreaM2(e) * DETECTORS_PER_M2));
        const toxic = kind !== 'gas-flammable';
        const offset = INDOOR.has(e.kind) || e.kind === 'reactor' && e.geometry.shape === 'box' ? -2 : toxic ? 2 : 4;
        const sp = GAS_DETECTOR_SETPOINTS[kind];
        const metric = GAS_METRIC[kind];
        for (const position of around(e, n, offset, mountHeightM(CHEMICAL_INFO[e.chemical].heavierThanAir))) {
          out.push({
            id: next(`${owner}-GT`), kind, enterpriseId: owner, position, equipmentId: e.id, intervalMs: 1000,
            metrics: { [metric]: metricSpec(metric) },
            setpoints: { metric, lowLow: null, low: null, high: sp.high, highHigh: sp.highHigh, basis: sp.basis },
          });
        }
      }
    }
    // Oxygen in enclosed rooms and round the cryogenic cold box.
    const o2Count = e.kind === 'warehouse' ? 2 : e.kind === 'control-room' ? 1 : e.id === 'CP-E6-C-01' ? 2 : 0;
    for (const position of around(e, o2Count, e.kind === 'distillation-column' ? 2 : -2, 1.5)) {
      out.push({
        id: next(`${owner}-GT`), kind: 'gas-o2', enterpriseId: owner, position, equipmentId: e.id, intervalMs: 1000,
        metrics: { o2_pct: metricSpec('o2_pct') },
        setpoints: { metric: 'o2_pct', lowLow: null, low: OXYGEN_SETPOINTS.low, high: OXYGEN_SETPOINTS.high, highHigh: null, basis: OXYGEN_SETPOINTS.basis },
      });
    }
    // Process transmitters on the shell, at mid-height.
    const r = footprintRadiusM(e);
    const h = e.geometry.shape === 'sphere' ? e.geometry.diameterM / 2 : e.geometry.heightM / 2;
    const onShell = (bearing: number) => enu(e.position.eastM + r * Math.sin((bearing * Math.PI) / 180), e.position.northM + r * Math.cos((bearing * Math.PI) / 180), h);
    const pD = e.designPressureKpa, pO = e.operatingPressureKpa, tD = e.designTempC, tO = e.operatingTempC;
    if (pD != null && pO != null) {
      out.push({
        id: next(`${owner}-PT`), kind: 'pressure', enterpriseId: owner, position: onShell(180), equipmentId: e.id, intervalMs: 500,
        metrics: { pressure_kpa: metricSpec('pressure_kpa', { maxValue: Math.max(10, Math.ceil((pD * 1.5) / 10) * 10) }) },
        setpoints: levels('pressure_kpa', pressureSetpoints(pO, pD), `design ${pD} kPa(g), operating ${pO} kPa(g): high at 50 %, high-high at 80 % of the margin`),
      });
    }
    if (tD != null && tO != null) {
      const count = e.kind === 'reactor' ? 2 : 1;
      for (let i = 0; i < count; i++) {
        out.push({
          id: next(`${owner}-TT`), kind: 'temperature', enterpriseId: owner, position: onShell(200 + 40 * i), equipmentId: e.id, intervalMs: 1000,
          metrics: { temp_c: metricSpec('temp_c', { minValue: Math.min(-60, Math.floor(tO - 60)) }) },
          setpoints: levels('temp_c', temperatureSetpoints(tO, tD), `design ${tD} °C, operating ${tO} °C`),
        });
      }
    }
    const tank = (e.kind === 'spherical-tank' || e.kind === 'vertical-tank') && !GAS_PHASE.has(e.id);
    if (tank || e.kind === 'distillation-column') {
      out.push({
        id: next(`${owner}-LT`), kind: 'level', enterpriseId: owner, position: onShell(270), equipmentId: e.id, intervalMs: 1000,
        metrics: { level_pct: metricSpec('level_pct') },
        setpoints: levels('level_pct', levelSetpoints(tank ? 'tank' : 'column'), tank ? 'tank fill limits: high-high interlock at 90 %' : 'column sump limits'),
      });
    }
  }

  // Flow transmitters on metered lines, mid-segment.
  const nodeAt = new Map(nodes.map((n) => [n.id, n.position]));
  const segById = new Map(segments.map((s) => [s.id, s]));
  for (const id of metered) {
    const s = segById.get(id)!;
    const owner = s.enterpriseId ?? null;
    out.push({
      id: next(`${owner ?? 'CP-PK'}-FT`), kind: 'flow', enterpriseId: owner, position: lerpEnu(nodeAt.get(s.from)!, nodeAt.get(s.to)!, 0.5), pipeSegmentId: id, intervalMs: 500,
      metrics: { flow_kg_s: metricSpec('flow_kg_s', { maxValue: Math.ceil(s.normalFlowKgS * 3) }) },
      setpoints: levels('flow_kg_s', flowSetpoints(s.normalFlowKgS), `normal flow ${s.normalFlowKgS} kg/s`),
    });
  }

  // Fence-line detectors every ~400 m, 5 m inside the fence.
  const fenceKinds: GasDetectorKind[] = ['gas-flammable', 'gas-cl2', 'gas-nh3', 'gas-h2s'];
  fenceLinePoints(boundary, 400, 5).forEach((p, i) => {
    const kind = fenceKinds[i % fenceKinds.length]!;
    const sp = GAS_DETECTOR_SETPOINTS[kind];
    const metric = GAS_METRIC[kind];
    out.push({
      id: next('CP-PK-GT'), kind, enterpriseId: null, position: enu(p.eastM, p.northM, FENCE_HEIGHT_M[kind] ?? LOW_MOUNT_M), intervalMs: 1000,
      metrics: { [metric]: metricSpec(metric) },
      setpoints: { metric, lowLow: null, low: null, high: sp.high, highHigh: sp.highHigh, basis: sp.basis },
    });
  });

  // Weather stations: command-centre roof mast and the riverside mast (10 m).
  const weather = (at: Enu) => ({
    id: next('CP-PK-WS'), kind: 'weather' as const, enterpriseId: null, position: at, intervalMs: 1000,
    metrics: {
      wind_speed_ms: metricSpec('wind_speed_ms'), wind_dir_deg: metricSpec('wind_dir_deg'), air_temp_c: metricSpec('air_temp_c'),
      rh_pct: metricSpec('rh_pct'), air_pressure_hpa: metricSpec('air_pressure_hpa'), solar_rad_w_m2: metricSpec('solar_rad_w_m2'),
    },
    setpoints: { metric: 'wind_speed_ms', lowLow: null, low: null, high: 10.8, highHigh: 17.2, basis: 'Beaufort 6 (10.8 m/s): stop tanker loading and lifts; Beaufort 8 (17.2 m/s): gale' },
  });
  out.push(weather(enu(-200, -420, 25)), weather(enu(1100, -700, 10)));
  return out;
}

/** Points about every `spacingM` along a closed polygon, pulled `insetM` toward its centroid. */
function fenceLinePoints(polygon: readonly EnuPlan[], spacingM: number, insetM: number): EnuPlan[] {
  const cx = polygon.reduce((a, p) => a + p.eastM, 0) / polygon.length;
  const cy = polygon.reduce((a, p) => a + p.northM, 0) / polygon.length;
  const perimeter = polygon.reduce((acc, a, i) => {
    const b = polygon[(i + 1) % polygon.length]!;
    return acc + Math.hypot(b.eastM - a.eastM, b.northM - a.northM);
  }, 0);
  return spacedAlong(polygon, Math.round(perimeter / spacingM)).map((p) => {
    const d = Math.hypot(cx - p.eastM, cy - p.northM) || 1;
    return { eastM: round(p.eastM + ((cx - p.eastM) / d) * insetM, 1), northM: round(p.northM + ((cy - p.northM) / d) * insetM, 1) };
  });
}
