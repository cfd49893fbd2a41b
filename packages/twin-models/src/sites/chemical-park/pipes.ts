// Demo chemical park: the pipe network. Each tenant has headers per substance; vessels join
// them through a root valve and an ESD valve, process items through an ESD valve; lines that
// leave a plot pass a battery-limit ESD valve and run on the park's shared corridor (公共管廊):
// row-2 rack at north −232 m, row-1 rack at north −266…−274 m (one pipe per substance).
import type { z } from 'zod';
import type { EquipmentSchema } from '../../schema/chemical-park.ts';
import type { Chemical } from '../../chemicals.ts';
import { enu } from '../util.ts';
import { PipeBuilder } from './pipe-builder.ts';
import type { LineSpec } from './pipe-builder.ts';

type EquipmentInput = z.input<typeof EquipmentSchema>;

const line = (chemical: Chemical, diameterMm: number, normalFlowKgS: number, designPressureKpa: number, enterpriseId: string | null): LineSpec =>
  ({ chemical, diameterMm, normalFlowKgS, designPressureKpa, enterpriseId });

/** The pipe network plus the segments that carry a flow transmitter. */
export function buildParkPipes(equipment: readonly EquipmentInput[]) {
  const b = new PipeBuilder(new Map(equipment.map((e) => [e.id, e])));
  const metered: string[] = [];
  const first = (ids: string[]) => ids[0]!;
  const last = (ids: string[]) => ids[ids.length - 1]!;

  // --- Chlorine: E1 spheres, cell house, filling, loading; export to the E5 chlorinator.
  {
    const own = line('Cl2', 80, 1.0, 1600, 'CP-E1');
    const h = b.junction(enu(-880, 100, 6));
    b.vesselLine('CP-E1-TK-01', h, 'out', own);
    b.vesselLine('CP-E1-TK-02', h, 'out', own);
    metered.push(first(b.equipmentLine('CP-E1-R-01', h, 'out', line('Cl2', 100, 2.0, 1600, 'CP-E1'))));
    metered.push(first(b.equipmentLine('CP-E1-WH-01', h, 'in', line('Cl2', 50, 0.5, 1600, 'CP-E1'))));
    metered.push(first(b.equipmentLine('CP-E1-LB-01', h, 'in', line('Cl2', 80, 1.5, 1600, 'CP-E1'))));
    const f1 = b.fenceValve(enu(-440, 100, 6), 'CP-E1');
    const f5 = b.fenceValve(enu(-360, 100, 6), 'CP-E5');
    b.run(line('Cl2', 50, 0.4, 1600, 'CP-E1'), h, f1);
    metered.push(...b.run(line('Cl2', 50, 0.4, 1600, null), f1, f5));
    b.equipmentLine('CP-E5-R-01', f5, 'in', line('Cl2', 50, 0.4, 1600, 'CP-E5'));
  }

  // --- Hydrogen chloride: E1 furnace and the E5 by-product absorber fill the E1 acid tanks.
  {
    const h = b.junction(enu(-790, 100, 6));
    metered.push(first(b.equipmentLine('CP-E1-R-02', h, 'out', line('HCl', 80, 0.8, 600, 'CP-E1'))));
    b.vesselLine('CP-E1-TK-03', h, 'in', line('HCl', 80, 0.5, 600, 'CP-E1'));
    b.vesselLine('CP-E1-TK-04', h, 'in', line('HCl', 80, 0.5, 600, 'CP-E1'));
    const f5 = b.fenceValve(enu(-360, 80, 6), 'CP-E5');
    const f1 = b.fenceValve(enu(-440, 80, 6), 'CP-E1');
    b.equipmentLine('CP-E5-C-01', f5, 'out', line('HCl', 50, 0.2, 600, 'CP-E5'));
    metered.push(...b.run(line('HCl', 50, 0.2, 600, null), f5, f1));
    b.run(line('HCl', 50, 0.2, 600, 'CP-E1'), f1, h);
  }

  // --- Ammonia: E2 converter → stripper → header → spheres, refrigerated tank, loading; export to E5.
  {
    const own = line('NH3', 150, 5.0, 2500, 'CP-E2');
    const h = b.junction(enu(620, 95, 6));
    b.direct('CP-E2-R-01', 'CP-E2-C-01', line('NH3', 200, 8.0, 15_700, 'CP-E2'));
    metered.push(first(b.equipmentLine('CP-E2-C-01', h, 'out', own)));
    b.vesselLine('CP-E2-TK-01', h, 'in', own);
    b.vesselLine('CP-E2-TK-02', h, 'in', own);
    b.vesselLine('CP-E2-TK-03', h, 'in', line('NH3', 200, 6.0, 2500, 'CP-E2'));
    metered.push(first(b.equipmentLine('CP-E2-LB-01', h, 'in', line('NH3', 100, 4.0, 2500, 'CP-E2'))));
    const f2 = b.fenceValve(enu(620, -212, 6), 'CP-E2');
    const r1 = b.junction(enu(620, -232, 7));
    const block = b.corridorValve(enu(200, -232, 7));
    const r2 = b.junction(enu(-60, -232, 7));
    const f5 = b.fenceValve(enu(-60, -212, 6), 'CP-E5');
    const park = line('NH3', 50, 0.5, 2500, null);
    b.run(line('NH3', 50, 0.5, 2500, 'CP-E2'), h, f2);
    metered.push(first(b.run(park, f2, r1, block, r2, f5)));
    b.equipmentLine('CP-E5-R-02', f5, 'in', line('NH3', 50, 0.5, 2500, 'CP-E5'));
  }

  // --- Syngas (CO): E2 shift converter → corridor → E6 cold box → CO buffer → cylinder filling.
  {
    const f2 = b.fenceValve(enu(900, -212, 6), 'CP-E2');
    metered.push(first(b.equipmentLine('CP-E2-R-02', f2, 'out', line('CO', 150, 3.0, 4000, 'CP-E2'))));
    const r1 = b.junction(enu(900, -234, 7));
    const r2 = b.junction(enu(250, -234, 7));
    const r3 = b.junction(enu(250, -266, 7));
    const f6 = b.fenceValve(enu(250, -288, 6), 'CP-E6');
    metered.push(first(b.run(line('CO', 150, 3.0, 4000, null), f2, r1, r2, r3, f6)));
    b.equipmentLine('CP-E6-C-01', f6, 'in', line('CO', 150, 3.0, 4000, 'CP-E6'));
    const j1 = b.junction(enu(210, -400, 5));
    b.equipmentLine('CP-E6-C-01', j1, 'out', line('CO', 80, 1.2, 3000, 'CP-E6'));
    b.vesselLine('CP-E6-TK-01', j1, 'in', line('CO', 80, 1.2, 3000, 'CP-E6'));
    const j2 = b.junction(enu(280, -480, 5));
    b.vesselLine('CP-E6-TK-01', j2, 'out', line('CO', 50, 0.3, 3000, 'CP-E6'));
    metered.push(first(b.equipmentLine('CP-E6-LB-01', j2, 'in', line('CO', 50, 0.3, 3000, 'CP-E6'))));
  }

  // --- Natural gas (CH4): E4 city-gate station → row-1 corridor → E6 reformer and E3 fuel-gas holder.
  {
    const f4 = b.fenceValve(enu(-445, -290, 6), 'CP-E4');
    metered.push(first(b.equipmentLine('CP-E4-PS-01', f4, 'out', line('CH4', 200, 3.0, 6300, 'CP-E4'))));
    const r1 = b.junction(enu(-445, -270, 7));
    const block = b.corridorValve(enu(-150, -270, 7));
    const r2 = b.junction(enu(100, -270, 7));
    const r3 = b.junction(enu(450, -270, 7));
    const park = line('CH4', 200, 3.0, 6300, null);
    b.run(park, f4, r1, block, r2);
    const f6 = b.fenceValve(enu(100, -290, 6), 'CP-E6');
    metered.push(first(b.run(line('CH4', 100, 1.5, 6300, null), r2, f6)));
    b.vesselLine('CP-E6-TK-02', f6, 'in', line('CH4', 100, 1.5, 4000, 'CP-E6'));
    const j = b.junction(enu(100, -470, 5));
    b.vesselLine('CP-E6-TK-02', j, 'out', line('CH4', 100, 1.5, 4000, 'CP-E6'));
    metered.push(first(b.equipmentLine('CP-E6-R-01', j, 'in', line('CH4', 100, 1.5, 4000, 'CP-E6'))));
    const f3 = b.fenceValve(enu(450, -290, 6), 'CP-E3');
    metered.push(first(b.run(line('CH4', 150, 1.5, 6300, null), r2, r3, f3)));
    const fg = b.junction(enu(960, -300, 6));
    b.run(line('CH4', 150, 1.5, 6300, 'CP-E3'), f3, fg);
    b.vesselLine('CP-E3-TK-05', fg, 'in', line('CH4', 300, 4.0, 600, 'CP-E3'));
    metered.push(first(b.equipmentLine('CP-E3-C-01', fg, 'out', line('CH4', 250, 2.5, 8000, 'CP-E3'))));
  }

  // --- Sour gas: field pipeline at the east fence → E3 slug catcher → amine absorber.
  {
    const tieIn = b.junction(enu(1190, -300, 1));
    const f3 = b.fenceValve(enu(1060, -300, 6), 'CP-E3');
    metered.push(first(b.run(line('sour-gas', 300, 8.0, 8500, null), tieIn, f3)));
    const j1 = b.junction(enu(600, -460, 6));
    b.run(line('sour-gas', 300, 8.0, 8500, 'CP-E3'), f3, j1);
    b.vesselLine('CP-E3-TK-01', j1, 'in', line('sour-gas', 300, 8.0, 8500, 'CP-E3'));
    const j2 = b.junction(enu(540, -430, 6));
    b.vesselLine('CP-E3-TK-01', j2, 'out', line('sour-gas', 300, 8.0, 8500, 'CP-E3'));
    metered.push(first(b.equipmentLine('CP-E3-C-01', j2, 'in', line('sour-gas', 300, 8.0, 8500, 'CP-E3'))));
  }

  // --- H2S: rich amine → regenerator → acid gas to the Claus reactor; sour water to the regenerator.
  {
    b.direct('CP-E3-C-01', 'CP-E3-C-02', line('H2S', 150, 0.6, 8000, 'CP-E3'));
    metered.push(last(b.direct('CP-E3-C-02', 'CP-E3-R-01', line('H2S', 150, 0.5, 300, 'CP-E3'))));
    const j = b.junction(enu(600, -520, 4));
    b.vesselLine('CP-E3-TK-02', j, 'out', line('H2S', 80, 0.05, 300, 'CP-E3'));
    b.equipmentLine('CP-E3-C-02', j, 'in', line('H2S', 80, 0.05, 300, 'CP-E3'));
  }

  // --- LPG: E3 depropaniser → E3 spheres → corridor → E4 spheres → tanker loading.
  {
    const h3 = b.junction(enu(915, -530, 6));
    metered.push(first(b.equipmentLine('CP-E3-C-03', h3, 'out', line('LPG', 100, 2.0, 2000, 'CP-E3'))));
    b.vesselLine('CP-E3-TK-03', h3, 'in', line('LPG', 100, 2.0, 1770, 'CP-E3'));
    b.vesselLine('CP-E3-TK-04', h3, 'in', line('LPG', 100, 2.0, 1770, 'CP-E3'));
    const f3 = b.fenceValve(enu(915, -292, 6), 'CP-E3');
    b.run(line('LPG', 100, 2.0, 2500, 'CP-E3'), h3, f3);
    const r1 = b.junction(enu(915, -274, 7));
    const block = b.corridorValve(enu(0, -274, 7));
    const r2 = b.junction(enu(-445, -274, 7));
    const f4 = b.fenceValve(enu(-450, -294, 6), 'CP-E4');
    metered.push(first(b.run(line('LPG', 100, 2.0, 2500, null), f3, r1, block, r2, f4)));
    const h4 = b.junction(enu(-985, -432, 6));
    b.run(line('LPG', 100, 2.0, 2500, 'CP-E4'), f4, h4);
    const own = line('LPG', 150, 6.0, 1770, 'CP-E4');
    b.vesselLine('CP-E4-TK-01', h4, 'in', own);
    b.vesselLine('CP-E4-TK-02', h4, 'in', own);
    b.vesselLine('CP-E4-TK-03', h4, 'out', own);
    b.vesselLine('CP-E4-TK-04', h4, 'out', own);
    metered.push(first(b.equipmentLine('CP-E4-LB-01', h4, 'in', line('LPG', 150, 12.0, 1770, 'CP-E4'))));
  }

  // --- Propane: E4 propane spheres → propane loading bay.
  {
    const h = b.junction(enu(-877, -430, 6));
    const own = line('C3H8', 100, 4.0, 1770, 'CP-E4');
    b.vesselLine('CP-E4-TK-05', h, 'out', own);
    b.vesselLine('CP-E4-TK-06', h, 'out', own);
    metered.push(first(b.equipmentLine('CP-E4-LB-02', h, 'in', line('C3H8', 100, 8.0, 1770, 'CP-E4'))));
  }

  // --- Sulfur dioxide: E5 liquid SO2 tank → sulfonation reactor.
  {
    const j = b.junction(enu(-160, -60, 5));
    b.vesselLine('CP-E5-TK-01', j, 'out', line('SO2', 50, 0.3, 1000, 'CP-E5'));
    metered.push(first(b.equipmentLine('CP-E5-R-03', j, 'in', line('SO2', 50, 0.3, 1000, 'CP-E5'))));
  }

  return { nodes: b.nodes, segments: b.segments, valves: b.valves, meteredSegmentIds: metered };
}
