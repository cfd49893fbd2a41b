// The staged leaks of the incident benches (bench/incident.ts through the hub, bench/incident-pure.ts
// offline): four plants, four chemicals (toxic dense, flammable, toxic, toxic light), different rates
// (ammonia at 1 kg/s from the sphere raised no alarm within 90 s in the demo's south-easterly wind).

/** One leak: the item, what it holds (plume-engine key), the rate, kg/s. */
export interface BenchLeak { itemId: string; chemical: string; rateKgS: number }

/** Far enough apart (different plants, chemicals) that each opens its own incident. */
export const BENCH_LEAKS: readonly BenchLeak[] = [
  { itemId: 'CP-E1-TK-01', chemical: 'Cl2', rateKgS: 2 },
  { itemId: 'CP-E3-C-03', chemical: 'LPG', rateKgS: 3 },
  { itemId: 'CP-E5-R-03', chemical: 'SO2', rateKgS: 1.5 },
  { itemId: 'CP-E2-TK-01', chemical: 'NH3', rateKgS: 5 },
];
