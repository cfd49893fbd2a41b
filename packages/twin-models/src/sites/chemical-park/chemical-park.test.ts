import { describe, expect, it } from 'vitest';
import { getDemoSite } from '../../demo-sites.ts';
import type { ChemicalPark } from '../../schema/site.ts';
import type { Equipment } from '../../schema/chemical-park.ts';
import { CHEMICAL_INFO } from '../../chemicals.ts';
import { GAS_DETECTOR_SETPOINTS } from '../../setpoints.ts';
import { distance3dM, enuToLonLat, horizontalDistanceM } from '../../geo.ts';
import { distanceToSegmentM, pointInPolygon, polygonAreaM2 } from '../../geometry.ts';
import { connectedComponents } from '../../graph.ts';

const site = getDemoSite('cp-nanjing') as ChemicalPark;

/** Plan distance from a point to an item's footprint (0 inside), m: circle or rotated rectangle. */
function distanceToFootprintM(p: { eastM: number; northM: number }, e: Equipment): number {
  const g = e.geometry, c = e.position;
  if (g.shape !== 'box') return Math.max(0, horizontalDistanceM(p, c) - g.diameterM / 2);
  const t = (g.headingDeg * Math.PI) / 180;
  const dx = p.eastM - c.eastM, dy = p.northM - c.northM;
  const along = dx * Math.sin(t) + dy * Math.cos(t), across = dx * Math.cos(t) - dy * Math.sin(t);
  return Math.hypot(Math.max(0, Math.abs(along) - g.lengthM / 2), Math.max(0, Math.abs(across) - g.widthM / 2));
}

describe('chemical park: hard minimums', () => {
  it('is anchored at a plausible place by the Yangtze in Jiangsu', () => {
    expect(site.origin.latDeg).toBeGreaterThan(31);
    expect(site.origin.latDeg).toBeLessThan(33);
    expect(site.origin.lonDeg).toBeGreaterThan(118);
    expect(site.origin.lonDeg).toBeLessThan(120);
    const corner = enuToLonLat(site.origin, { eastM: 1200, northM: 800, upM: 0 });
    expect(corner.lonDeg - site.origin.lonDeg).toBeCloseTo(1200 / (111_320 * Math.cos((site.origin.latDeg * Math.PI) / 180)), 3);
  });

  it('has ≥ 6 enterprises with Chinese and English names', () => {
    expect(site.enterprises.length).toBeGreaterThanOrEqual(6);
    for (const e of site.enterprises) {
      expect(e.name.zh, e.id).toMatch(/[\u4e00-\u9fff]/);
      expect(e.name.en, e.id).toMatch(/[A-Za-z]/);
      expect(site.equipment.some((q) => q.enterpriseId === e.id), `${e.id} owns equipment`).toBe(true);
    }
  });

  it('has ≥ 40 pieces of equipment of every required kind, each inside its owner’s plot', () => {
    expect(site.equipment.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(site.equipment.map((e) => e.kind));
    for (const k of ['spherical-tank', 'vertical-tank', 'reactor', 'distillation-column', 'warehouse', 'loading-bay', 'control-room'] as const) {
      expect(kinds.has(k), k).toBe(true);
    }
    const plots = new Map(site.enterprises.map((e) => [e.id, e.plot]));
    for (const e of site.equipment) expect(pointInPolygon(e.position, plots.get(e.enterpriseId)!), e.id).toBe(true);
  });

  it('holds chlorine, ammonia, H2S-bearing and flammable (LPG, methane) inventories', () => {
    const held = (pred: (c: string) => boolean) => site.equipment.filter((e) => e.chemical && pred(e.chemical)).reduce((a, e) => a + e.inventoryKg, 0);
    expect(held((c) => c === 'Cl2')).toBeGreaterThan(10_000);
    expect(held((c) => c === 'NH3')).toBeGreaterThan(10_000);
    expect(held((c) => c === 'H2S' || c === 'sour-gas')).toBeGreaterThan(1_000);
    expect(held((c) => c === 'LPG')).toBeGreaterThan(100_000);
    expect(held((c) => c === 'CH4')).toBeGreaterThan(1_000);
    const sour = site.equipment.find((e) => e.chemical === 'sour-gas')!;
    expect(sour.compositionMolPct?.H2S).toBeGreaterThan(0);
  });

  it('keeps tanks inside their dikes, and dike capacity = area × height', () => {
    const dikes = new Map(site.dikes.map((d) => [d.id, d]));
    const diked = site.equipment.filter((e) => e.dikeId);
    expect(diked.length).toBeGreaterThanOrEqual(15);
    for (const e of diked) {
      const d = dikes.get(e.dikeId!)!;
      expect(e.kind === 'spherical-tank' || e.kind === 'vertical-tank', e.id).toBe(true);
      expect(pointInPolygon(e.position, d.polygon), `${e.id} in ${d.id}`).toBe(true);
      const r = e.geometry.shape === 'box' ? 0 : e.geometry.diameterM / 2;
      for (let i = 0; i < d.polygon.length; i++) {
        expect(distanceToSegmentM(e.position, d.polygon[i]!, d.polygon[(i + 1) % d.polygon.length]!), `${e.id} clears ${d.id}`).toBeGreaterThan(r);
      }
    }
    for (const d of site.dikes) expect(Math.abs(d.capacityM3 - polygonAreaM2(d.polygon) * d.heightM), d.id).toBeLessThan(1);
    // Every liquid storage tank stands in a dike; gas-only holders and the slug catcher need none.
    const notDiked = site.equipment.filter((e) => (e.kind === 'spherical-tank' || e.kind === 'vertical-tank') && !e.dikeId).map((e) => e.id);
    expect(notDiked.sort()).toEqual(['CP-E3-TK-01', 'CP-E3-TK-05', 'CP-E6-TK-01', 'CP-E6-TK-02']);
  });
});

describe('chemical park: pipe network', () => {
  const { nodes, segments, valves } = site.pipes;
  const nodeById = new Map(nodes.map((n) => [n.id, n]));

  it('has ≥ 60 segments and ≥ 30 valves, some remote ESD valves with device ids and some manual', () => {
    expect(segments.length).toBeGreaterThanOrEqual(60);
    expect(valves.length).toBeGreaterThanOrEqual(30);
    const remote = valves.filter((v) => v.actuation === 'remote');
    expect(remote.length).toBeGreaterThanOrEqual(10);
    expect(valves.filter((v) => v.actuation === 'manual').length).toBeGreaterThanOrEqual(10);
    for (const v of remote) {
      expect(v.function, v.id).toBe('esd');
      expect(v.deviceId, v.id).toMatch(/^CP-(E\d|PK)-XV-\d{3}$/);
    }
  });

  it('puts every valve in line on a pipe (two segments meet at it)', () => {
    for (const v of valves) {
      const touching = segments.filter((s) => s.from === v.nodeId || s.to === v.nodeId);
      expect(touching.length, v.id).toBe(2);
      expect(new Set(touching.map((s) => s.chemical)).size, `${v.id} joins one substance`).toBe(1);
    }
  });

  it('gives every segment a length consistent with its end positions', () => {
    for (const s of segments) {
      const d = distance3dM(nodeById.get(s.from)!.position, nodeById.get(s.to)!.position);
      expect(s.lengthM, s.id).toBeGreaterThanOrEqual(d);
      expect(s.lengthM, s.id).toBeLessThanOrEqual(d * 1.25 + 2);
    }
  });

  it('connects each substance’s network into one piece (equipment joins its own nozzles)', () => {
    const byChem = new Map<string, typeof segments>();
    for (const s of segments) byChem.set(s.chemical, [...(byChem.get(s.chemical) ?? []), s]);
    expect([...byChem.keys()].sort()).toEqual(['C3H8', 'CH4', 'CO', 'Cl2', 'H2S', 'HCl', 'LPG', 'NH3', 'SO2', 'sour-gas']);
    for (const [chem, segs] of byChem) {
      const ids = new Set(segs.flatMap((s) => [s.from, s.to]));
      const links = segs.map((s) => ({ id: s.id, from: s.from, to: s.to }));
      const nozzlesByEq = new Map<string, string[]>();
      for (const id of ids) {
        const n = nodeById.get(id)!;
        if (n.equipmentId) nozzlesByEq.set(n.equipmentId, [...(nozzlesByEq.get(n.equipmentId) ?? []), id]);
      }
      for (const [eq, noz] of nozzlesByEq) for (let i = 1; i < noz.length; i++) links.push({ id: `${eq}#${i}`, from: noz[0]!, to: noz[i]! });
      expect(connectedComponents(ids, links).length, chem).toBe(1);
    }
  });

  it('uses every node, and nozzles sit on the shell of their equipment', () => {
    const used = new Set(segments.flatMap((s) => [s.from, s.to]));
    const eq = new Map(site.equipment.map((e) => [e.id, e]));
    for (const n of nodes) {
      expect(used.has(n.id), n.id).toBe(true);
      if (n.kind === 'nozzle') expect(distanceToFootprintM(n.position, eq.get(n.equipmentId!)!), n.id).toBeLessThan(1);
    }
  });
});

describe('chemical park: sensors', () => {
  const byKind = (k: string) => site.sensors.filter((s) => s.kind === k);

  it('has ≥ 200 sensors of ≥ 8 kinds including all required ones', () => {
    expect(site.sensors.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(site.sensors.map((s) => s.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(8);
    for (const k of ['gas-flammable', 'gas-cl2', 'gas-nh3', 'gas-h2s', 'gas-co', 'gas-o2', 'pressure', 'temperature', 'level', 'flow', 'weather']) {
      expect(kinds.has(k as never), k).toBe(true);
    }
    const ws = byKind('weather')[0]!;
    expect(Object.keys(ws.metrics)).toEqual(expect.arrayContaining(['wind_speed_ms', 'wind_dir_deg', 'air_temp_c']));
    expect(ws.enterpriseId).toBeNull();
  });

  it('names each sensor after its owner and instrument, with sensible intervals', () => {
    for (const s of site.sensors) {
      const m = /^CP-(E\d|PK)-(GT|PT|TT|LT|FT|WS)-\d{3}$/.exec(s.id);
      expect(m, s.id).not.toBeNull();
      expect(s.enterpriseId, s.id).toBe(m![1] === 'PK' ? null : `CP-${m![1]}`);
      if (s.kind.startsWith('gas-')) expect(s.intervalMs, s.id).toBe(1000);
      if (['pressure', 'temperature', 'level', 'flow'].includes(s.kind)) {
        expect(s.intervalMs, s.id).toBeGreaterThanOrEqual(100);
        expect(s.intervalMs, s.id).toBeLessThanOrEqual(1000);
      }
    }
  });

  it('rings each hazardous item with ≥ 2 detectors per 1000 m² of unit area (footprint + 10 m), for every gas it can release', () => {
    for (const e of site.equipment) {
      if (!e.chemical) continue;
      const g = e.geometry;
      const areaM2 = g.shape === 'box' ? (g.lengthM + 20) * (g.widthM + 20) : Math.PI * (g.diameterM / 2 + 10) ** 2;
      for (const kind of CHEMICAL_INFO[e.chemical].detectors) {
        const near = byKind(kind).filter((s) => distanceToFootprintM(s.position, e) <= 10);
        expect(near.length, `${e.id} ${kind}`).toBeGreaterThanOrEqual(Math.max(2, (2 * areaM2) / 1000));
      }
    }
  });

  it('places detectors within GB/T 50493 reach of their item: toxic ≤ 4 m, flammable ≤ 10 m; low for heavy gases, high for light ones', () => {
    const eq = new Map(site.equipment.map((e) => [e.id, e]));
    for (const s of site.sensors) {
      if (!s.kind.startsWith('gas-') || !s.equipmentId || s.kind === 'gas-o2') continue;
      const reach = s.kind === 'gas-flammable' ? 10 : 4;
      expect(distanceToFootprintM(s.position, eq.get(s.equipmentId)!), s.id).toBeLessThanOrEqual(reach);
      const heavy = CHEMICAL_INFO[eq.get(s.equipmentId)!.chemical!].heavierThanAir;
      if (heavy) expect(s.position.upM, s.id).toBeLessThanOrEqual(0.6);
      else expect(s.position.upM, s.id).toBeGreaterThan(1);
    }
  });

  it('sets gas alarms per GB/T 50493 defaults and orders every set-point', () => {
    for (const s of site.sensors) {
      const sp = s.setpoints;
      expect(sp, s.id).not.toBeNull();
      if (!sp) continue;
      const def = GAS_DETECTOR_SETPOINTS[s.kind as keyof typeof GAS_DETECTOR_SETPOINTS];
      if (def) expect([sp.metric, sp.high, sp.highHigh], s.id).toEqual([def.metric, def.high, def.highHigh]);
      if (s.kind === 'gas-o2') expect([sp.low, sp.high], s.id).toEqual([19.5, 23]);
      const levels = [sp.lowLow, sp.low, sp.high, sp.highHigh].filter((x): x is number => x !== null);
      for (let i = 1; i < levels.length; i++) expect(levels[i]!, s.id).toBeGreaterThan(levels[i - 1]!);
      const range = s.metrics[sp.metric]!;
      for (const x of levels) {
        expect(x, s.id).toBeGreaterThanOrEqual(range.minValue);
        expect(x, s.id).toBeLessThanOrEqual(range.maxValue);
      }
    }
  });

  it('sets process alarms from the equipment’s design values: pressure high-high below design, above operating', () => {
    const eq = new Map(site.equipment.map((e) => [e.id, e]));
    for (const s of byKind('pressure')) {
      const e = eq.get(s.equipmentId!)!;
      expect(s.setpoints!.highHigh!, s.id).toBeLessThan(e.designPressureKpa!);
      expect(s.setpoints!.high!, s.id).toBeGreaterThan(e.operatingPressureKpa!);
      expect(s.setpoints!.low!, s.id).toBeLessThan(e.operatingPressureKpa!);
    }
    for (const s of byKind('temperature')) {
      const e = eq.get(s.equipmentId!)!;
      expect(s.setpoints!.high!, s.id).toBeGreaterThan(e.operatingTempC!);
    }
    for (const s of byKind('level')) expect(s.setpoints!.highHigh!, s.id).toBeLessThanOrEqual(90);
    const segs = new Map(site.pipes.segments.map((x) => [x.id, x]));
    for (const s of byKind('flow')) {
      const seg = segs.get(s.pipeSegmentId!)!;
      expect(s.setpoints!.low!, s.id).toBeLessThan(seg.normalFlowKgS);
      expect(s.setpoints!.high!, s.id).toBeGreaterThan(seg.normalFlowKgS);
    }
  });
});

describe('chemical park: roads, gates, assembly points, buildings', () => {
  const roadNodes = new Map(site.roads.nodes.map((n) => [n.id, n]));

  it('has a connected road graph whose lengths match node positions', () => {
    expect(connectedComponents(roadNodes.keys(), site.roads.edges).length).toBe(1);
    for (const e of site.roads.edges) {
      expect(Math.abs(e.lengthM - distance3dM(roadNodes.get(e.from)!.position, roadNodes.get(e.to)!.position)), e.id).toBeLessThan(0.1);
      expect(e.widthM, e.id).toBeGreaterThanOrEqual(6);
    }
  });

  it('puts gates on the fence and ≥ 4 assembly points inside it, enough for the day shift', () => {
    const b = site.boundary;
    const onFence = (p: { eastM: number; northM: number }) =>
      Math.min(...b.map((a, i) => distanceToSegmentM(p, a, b[(i + 1) % b.length]!)));
    expect(site.gates.length).toBeGreaterThanOrEqual(2);
    for (const g of site.gates) expect(onFence(g.position), g.id).toBeLessThan(1);
    expect(site.assemblyPoints.length).toBeGreaterThanOrEqual(4);
    for (const p of site.assemblyPoints) expect(pointInPolygon(p.position, b), p.id).toBe(true);
    const day = site.buildings.reduce((a, x) => a + x.occupancy.dayPersons, 0) + site.equipment.reduce((a, x) => a + (x.occupancy?.dayPersons ?? 0), 0);
    expect(site.assemblyPoints.reduce((a, p) => a + p.capacityPersons, 0)).toBeGreaterThan(day);
  });

  it('keeps every sensor, item and building inside the park fence', () => {
    for (const s of site.sensors) expect(pointInPolygon(s.position, site.boundary), s.id).toBe(true);
    for (const e of site.equipment) expect(pointInPolygon(e.position, site.boundary), e.id).toBe(true);
    for (const e of site.buildings) expect(pointInPolygon(e.position, site.boundary), e.id).toBe(true);
  });
});
