// The pure incident assessment on the demo park, without a hub: staged leaks played offline by the
// demo simulator's engine, their readings through RecentReadings, then `assessIncident` timed on
// this thread. Prints per leak what it found and how long it took, and the median.
// Usage: npx tsx bench/incident-pure.ts [afterStartS=120] (the leaks of bench/incident-leaks.ts)
import { openDatabase } from '@safetwin/db';
import { getDemoSite, type ChemicalPark } from '@safetwin/twin-models';
import { assessIncident } from '../src/incidents/assessment/assess-incident.ts';
import type { AssessmentSubject } from '../src/incidents/assessment/assessment-input.ts';
import { buildAssessmentInput } from '../src/incidents/assessment/build-input.ts';
import { RecentReadings } from '../src/incidents/assessment/recent-readings.ts';
import { playStagedLeak } from '../src/incidents/assessment/staged-leak.ts';
import { SiteRegistry } from '../src/sites/site-registry.ts';
import { BENCH_LEAKS } from './incident-leaks.ts';


const afterStartS = Number(process.argv[2] ?? 120);
const park = getDemoSite('cp-nanjing') as ChemicalPark;
const db = await openDatabase({});
const registry = new SiteRegistry(db);
await registry.upsert(park);

const times: number[] = [];
for (const leak of BENCH_LEAKS) {
  const item = park.equipment.find((e) => e.id === leak.itemId);
  if (!item || item.chemical !== leak.chemical) throw new Error(`bench leak ${leak.itemId}: the park holds ${item?.chemical ?? 'nothing'} there`);
  const recent = new RecentReadings(registry);
  const staged = playStagedLeak({ park, ...leak, afterStartS }, (r) => recent.observe(r));
  const subject: AssessmentSubject = {
    id: 'bench', siteId: park.id, chemical: null, origin: 'alarm', declared: null, firstAlarmAt: staged.leakAtMs + 20_000, createdAt: staged.leakAtMs + 20_000,
    alarmDeviceIds: [], isolation: null, previous: null,
  };
  const t0 = performance.now();
  const input = buildAssessmentInput(registry, recent, subject, 1, staged.nowMs);
  const t1 = performance.now();
  const view = assessIncident(input);
  const t2 = performance.now();
  times.push(t2 - t0);
  const top = view.source.candidates[0];
  console.log(
    `${leak.itemId} ${leak.chemical} ${leak.rateKgS} kg/s, ${afterStartS} s after: input ${(t1 - t0).toFixed(0)} ms, assess ${(t2 - t1).toFixed(0)} ms | ` +
      `hits ${view.source.hitDetectorIds.length}, top ${top ? `${top.id} ${(top.probability * 100).toFixed(0)} % ${top.rateKgS.toFixed(2)} kg/s` : '—'}, chosen ${view.source.chosen.id} (${view.source.chosen.from}), ` +
      `valves ${view.isolation?.alternatives[0]?.valves.map((v) => v.valveId).join('+') ?? '—'}, zones ${view.zones.map((z) => `${z.level} ${z.distanceM.toFixed(0)} m`).join(', ')}, ` +
      `evacuate ${view.evacuation?.groups.filter((g) => g.decision === 'evacuate').length ?? 0} / shelter ${view.evacuation?.groups.filter((g) => g.decision === 'shelter').length ?? 0}, ` +
      `wind ${view.weather.windSpeedMS.toFixed(1)} m/s from ${view.weather.windFromDeg.toFixed(0)}° ${view.weather.stability}`,
  );
  if (view.warnings.length > 0) console.log(`  warnings: ${view.warnings.join(' | ')}`);
}
times.sort((a, b) => a - b);
console.log(`median input + assessment on this thread: ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms over ${times.length} leaks (load ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
await db.close();
