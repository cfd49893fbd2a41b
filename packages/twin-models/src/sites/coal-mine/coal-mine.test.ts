import { describe, expect, it } from 'vitest';
import { getDemoSite } from '../../demo-sites.ts';
import type { CoalMine } from '../../schema/site.ts';
import { METHANE_SETPOINTS } from '../../setpoints.ts';
import { distance3dM } from '../../geo.ts';
import { buildAdjacency, connectedComponents, reachableFrom } from '../../graph.ts';

const site = getDemoSite('cm-yangquan') as CoalMine;
const { nodes, edges } = site.roadways;
const nodeById = new Map(nodes.map((n) => [n.id, n]));
const walkable = edges.filter((e) => e.kind !== 'vent-duct');

describe('coal mine: roadways and ventilation', () => {
  it('is anchored in the Shanxi coalfields', () => {
    expect(site.origin.latDeg).toBeGreaterThan(34.5);
    expect(site.origin.latDeg).toBeLessThan(40.8);
    expect(site.origin.lonDeg).toBeGreaterThan(110);
    expect(site.origin.lonDeg).toBeLessThan(114.6);
  });

  it('has ≥ 3 km of roadway besides shafts, and every kind of working', () => {
    const m = walkable.filter((e) => e.kind !== 'shaft').reduce((a, e) => a + e.lengthM, 0);
    expect(m).toBeGreaterThanOrEqual(3000);
    const count = (k: string) => edges.filter((e) => e.kind === k).length;
    expect(count('shaft')).toBeGreaterThanOrEqual(3);
    expect(count('longwall-face')).toBe(1);
    for (const k of ['intake-airway', 'return-airway', 'haulage', 'heading']) expect(count(k), k).toBeGreaterThanOrEqual(1);
  });

  it('has two intake shafts (air down) and a return shaft (air up)', () => {
    const shafts = edges.filter((e) => e.kind === 'shaft');
    const down = shafts.filter((e) => nodeById.get(e.from)!.position.upM > nodeById.get(e.to)!.position.upM);
    const up = shafts.filter((e) => nodeById.get(e.from)!.position.upM < nodeById.get(e.to)!.position.upM);
    expect(down.length).toBeGreaterThanOrEqual(2);
    expect(up.length).toBeGreaterThanOrEqual(1);
    for (const s of shafts) expect(Math.abs(nodeById.get(s.from)!.position.upM - nodeById.get(s.to)!.position.upM), s.id).toBeGreaterThan(400);
  });

  it('places underground nodes below the surface and gives lengths that match positions', () => {
    for (const n of nodes) if (!/T$/.test(n.id)) expect(n.position.upM, n.id).toBeLessThan(-400);
    for (const e of edges) {
      const d = distance3dM(nodeById.get(e.from)!.position, nodeById.get(e.to)!.position);
      expect(e.lengthM, e.id).toBeGreaterThanOrEqual(d - 0.05);
      if (e.kind !== 'vent-duct') expect(e.lengthM, e.id).toBeLessThanOrEqual(d + 0.05);
    }
  });

  it('is one connected network', () => {
    expect(connectedComponents(nodeById.keys(), edges).length).toBe(1);
    expect(connectedComponents(nodeById.keys(), walkable).length).toBe(1);
  });

  it('keeps air speed = airflow / cross-section, inside the permitted speeds', () => {
    for (const e of edges) {
      expect(Math.abs(e.airSpeedMS - e.airflowM3S / e.crossSectionM2), e.id).toBeLessThan(0.01);
      if (e.airSpeedLimitsMS.min !== null) expect(e.airSpeedMS, e.id).toBeGreaterThanOrEqual(e.airSpeedLimitsMS.min);
      if (e.airSpeedLimitsMS.max !== null) expect(e.airSpeedMS, e.id).toBeLessThanOrEqual(e.airSpeedLimitsMS.max);
    }
  });

  it('conserves airflow at every underground junction', () => {
    for (const n of nodes) {
      if (n.position.upM >= 0) continue;
      const inflow = edges.filter((e) => e.to === n.id).reduce((a, e) => a + e.airflowM3S, 0);
      const outflow = edges.filter((e) => e.from === n.id).reduce((a, e) => a + e.airflowM3S, 0);
      expect(Math.abs(inflow - outflow), n.id).toBeLessThan(1e-9);
    }
  });

  it('ventilates every node: reached by air from the intake collars, and air from it reaches the return collar', () => {
    const collars = nodes.filter((n) => n.position.upM >= 0).map((n) => n.id);
    const intakes = collars.filter((id) => edges.some((e) => e.from === id));
    const returns = collars.filter((id) => edges.some((e) => e.to === id));
    expect(intakes.length).toBe(2);
    expect(returns.length).toBe(1);
    const downstream = reachableFrom(buildAdjacency(nodeById.keys(), edges, true), intakes);
    expect([...nodeById.keys()].filter((id) => !downstream.has(id))).toEqual([]);
    const reversed = edges.map((e) => ({ id: e.id, from: e.to, to: e.from }));
    const upstream = reachableFrom(buildAdjacency(nodeById.keys(), reversed, true), returns);
    expect([...nodeById.keys()].filter((id) => !upstream.has(id))).toEqual([]);
  });
});

describe('coal mine: UWB anchors every ≤ 50 m', () => {
  for (const e of walkable) {
    it(`${e.id} (${e.name.en}, ${e.lengthM} m)`, () => {
      const a = nodeById.get(e.from)!.position, b = nodeById.get(e.to)!.position;
      const chainages = site.uwbAnchors
        .filter((x) => {
          // On the roadway's centre line (within 0.5 m), wherever the anchor is booked.
          const t = Math.max(0, Math.min(1, ((x.position.eastM - a.eastM) * (b.eastM - a.eastM) + (x.position.northM - a.northM) * (b.northM - a.northM) + (x.position.upM - a.upM) * (b.upM - a.upM)) / distance3dM(a, b) ** 2));
          const p = { eastM: a.eastM + (b.eastM - a.eastM) * t, northM: a.northM + (b.northM - a.northM) * t, upM: a.upM + (b.upM - a.upM) * t };
          return distance3dM(p, x.position) < 0.5;
        })
        .map((x) => distance3dM(a, x.position))
        .sort((p, q) => p - q);
      const points = [0, ...chainages, e.lengthM];
      const gaps = points.slice(1).map((c, i) => c - points[i]!);
      expect(Math.max(...gaps), e.id).toBeLessThanOrEqual(50);
      expect(chainages[0]!, `${e.id} anchor at its start`).toBeLessThan(0.5);
      expect(e.lengthM - chainages[chainages.length - 1]!, `${e.id} anchor at its end`).toBeLessThan(0.5);
    });
  }
});

describe('coal mine: methane sensors and power cut', () => {
  const ch4 = site.sensors.filter((s) => s.kind === 'gas-ch4');
  const eqById = new Map(site.equipment.map((e) => [e.id, e]));
  const face = edges.find((e) => e.kind === 'longwall-face')!;

  /** The face's return airway: return-airway edges downstream of the face until other air joins. */
  function faceReturnAirway(): string[] {
    const out: string[] = [];
    let at = face.to;
    for (;;) {
      const next = edges.find((e) => e.from === at && e.kind === 'return-airway');
      if (!next) break;
      out.push(next.id);
      if (edges.filter((e) => e.to === next.to).length > 1) break;
      at = next.to;
    }
    return out;
  }
  const nonIsIn = (roadways: string[]) => site.equipment.filter((e) => !e.intrinsicallySafe && e.roadwayId !== null && roadways.includes(e.roadwayId)).map((e) => e.id).sort();

  it('follows the regulation table at the face: alarm ≥ 1.0 %, cut ≥ 1.5 %, restore < 1.0 %', () => {
    const s = ch4.find((x) => x.placement === 'longwall-face')!;
    expect(s.roadwayId).toBe(face.id);
    expect([s.setpoints!.high, s.setpoints!.highHigh]).toEqual([1.0, 1.5]);
    expect(s.powerCut).toMatchObject({ cutAtPct: 1.5, restoreBelowPct: 1.0 });
  });

  it('alarms and cuts at 1.0 % in the face return airway', () => {
    const s = ch4.find((x) => x.placement === 'face-return-airway')!;
    expect(faceReturnAirway()).toContain(s.roadwayId);
    expect(s.setpoints!.high).toBe(1.0);
    expect(s.powerCut).toMatchObject({ cutAtPct: 1.0, restoreBelowPct: 1.0 });
  });

  it('cuts all non-intrinsically-safe equipment in the face and its return airway for face sensors', () => {
    const zone = [face.id, ...faceReturnAirway()];
    expect(zone.length).toBeGreaterThanOrEqual(2);
    const expected = nonIsIn(zone);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    for (const s of ch4.filter((x) => ['longwall-face', 'upper-corner', 'face-return-airway'].includes(x.placement!))) {
      expect([...s.powerCut!.equipmentIds].sort(), s.id).toEqual(expected);
    }
  });

  it('cuts the heading’s non-intrinsically-safe equipment for heading sensors, but not the auxiliary fan', () => {
    const heading = edges.filter((e) => e.kind === 'heading').map((e) => e.id);
    const fan = site.equipment.find((e) => e.kind === 'auxiliary-fan')!;
    for (const s of ch4.filter((x) => x.placement === 'heading-face' || x.placement === 'heading-return')) {
      expect([...s.powerCut!.equipmentIds].sort(), s.id).toEqual(nonIsIn(heading));
      expect(s.powerCut!.equipmentIds).not.toContain(fan.id);
    }
  });

  it('matches every methane sensor to its table row; machine-mounted ones cut their machine', () => {
    const placements = new Set(ch4.map((s) => s.placement));
    for (const p of ['longwall-face', 'upper-corner', 'face-return-airway', 'shearer', 'heading-face', 'heading-return', 'roadheader', 'main-return'] as const) {
      expect(placements.has(p), p).toBe(true);
    }
    for (const s of ch4) {
      const row = METHANE_SETPOINTS[s.placement!];
      expect(s.setpoints!.high, s.id).toBe(row.alarmPct);
      if (row.cutPct === null) expect(s.powerCut, s.id).toBeUndefined();
      else expect(s.powerCut, s.id).toMatchObject({ cutAtPct: row.cutPct, restoreBelowPct: row.restoreBelowPct });
      if (s.placement === 'shearer' || s.placement === 'roadheader') {
        expect(s.powerCut!.equipmentIds, s.id).toEqual([s.equipmentId]);
        expect(eqById.get(s.equipmentId!)!.kind, s.id).toBe(s.placement);
      }
      for (const id of s.powerCut?.equipmentIds ?? []) expect(eqById.get(id)!.intrinsicallySafe, `${s.id} → ${id}`).toBe(false);
    }
  });
});

describe('coal mine: equipment, sensors, people', () => {
  it('lists the mine’s machines with intrinsic safety and a power device id', () => {
    const kinds = new Set(site.equipment.map((e) => e.kind));
    for (const k of ['shearer', 'armoured-face-conveyor', 'belt-conveyor', 'water-pump', 'emulsion-pump', 'main-fan', 'auxiliary-fan', 'transformer', 'mobile-substation'] as const) {
      expect(kinds.has(k), k).toBe(true);
    }
    expect(site.equipment.some((e) => e.intrinsicallySafe)).toBe(true);
    for (const e of site.equipment) expect(e.deviceId, e.id).toMatch(/^CM-PWR-\d{2}$/);
    for (const e of site.equipment.filter((x) => x.kind === 'main-fan' || x.kind === 'auxiliary-fan')) expect(e.remotePowerControl, e.id).toBe(false);
  });

  it('has CH4, CO, O2, air-speed, temperature and roof-displacement sensors with ordered set-points', () => {
    const kinds = new Set(site.sensors.map((s) => s.kind));
    for (const k of ['gas-ch4', 'gas-co', 'gas-o2', 'air-speed', 'temperature', 'roof-displacement'] as const) expect(kinds.has(k), k).toBe(true);
    const metric = { 'gas-ch4': 'ch4_pct', 'gas-co': 'co_ppm', 'gas-o2': 'o2_pct', 'air-speed': 'air_speed_ms', temperature: 'temp_c', 'roof-displacement': 'roof_disp_mm' } as Record<string, string>;
    for (const s of site.sensors) {
      expect(Object.keys(s.metrics), s.id).toEqual([metric[s.kind]]);
      const sp = s.setpoints!;
      const levels = [sp.lowLow, sp.low, sp.high, sp.highHigh].filter((x): x is number => x !== null);
      for (let i = 1; i < levels.length; i++) expect(levels[i]!, s.id).toBeGreaterThan(levels[i - 1]!);
      expect(s.roadwayId, s.id).toBeDefined();
    }
  });

  it('has ≥ 60 miners with unique tags, spread over ≥ 3 teams, and refuges for all of them', () => {
    expect(site.miners.length).toBeGreaterThanOrEqual(60);
    expect(new Set(site.miners.map((m) => m.tagDeviceId)).size).toBe(site.miners.length);
    expect(new Set(site.miners.map((m) => m.name)).size).toBe(site.miners.length);
    expect(new Set(site.miners.map((m) => m.team)).size).toBeGreaterThanOrEqual(3);
    expect(site.refugeChambers.length).toBeGreaterThanOrEqual(1);
    expect(site.refugeChambers.reduce((a, r) => a + r.capacityPersons, 0)).toBeGreaterThanOrEqual(site.miners.length);
    for (const r of site.refugeChambers) expect(r.autonomyH, r.id).toBeGreaterThanOrEqual(96);
  });
});
