import { it } from 'vitest';
import { buildChemicalPark } from '../sites/chemical-park/index.ts';
import { planIsolation } from './isolation.ts';
import { esdValvesFor } from '../../../../apps/realtime/src/alarms/response/esd-valves.ts';
import { parseSite } from '../validate.ts';
it('sweep', () => {
  const park = parseSite(buildChemicalPark()) as any;
  const piped = new Set(park.pipes.nodes.filter((n: any) => n.equipmentId).map((n: any) => n.equipmentId));
  let worst = 0, n = 0, total = 0, diff = 0, unis = 0;
  const t0 = performance.now();
  for (const e of park.equipment) {
    if (!piped.has(e.id)) continue;
    const t = performance.now();
    const p = planIsolation(park, { kind: 'equipment', id: e.id }, { leakRateKgS: 2 });
    const dt = performance.now() - t; worst = Math.max(worst, dt); n++;
    const sensor = park.sensors.find((s: any) => s.equipmentId === e.id);
    if (sensor) {
      const theirs = esdValvesFor(park, sensor.id).map((v) => v.valveId).sort().join(',');
      const mine = p.alternatives.find((a) => a.minimal)?.valves.map((v) => v.valveId).sort().join(',');
      if (theirs !== mine) { diff++; console.log('DIFF', e.id, 'hub:', theirs, 'mine:', mine, p.alternatives.find((a) => a.minimal)?.sideEffects.length); }
    }
    if (!p.isolable) { unis++; console.log('UNISOLABLE', e.id, p.reason); }
  }
  for (const s of park.pipes.segments) {
    const t = performance.now();
    const p = planIsolation(park, { kind: 'pipe-segment', id: s.id }, { leakRateKgS: 2 });
    const dt = performance.now() - t; worst = Math.max(worst, dt); n++;
    if (!p.isolable) { unis++; console.log('UNISOLABLE', s.id, p.reason); }
    if (p.alternatives.length === 0) console.log('NOALT', s.id);
  }
  total = performance.now() - t0;
  console.log({ n, totalMs: Math.round(total), worstMs: Math.round(worst), diff, unis });
}, 120000);
