// Dev aid: stage one leak (seed argv[2]) and write the estimator's input and truth as JSON (argv[3]); a pipe leak at
// its segment's middle with SAFETWIN_BENCH_MIDPOINT=1, calm with SAFETWIN_BENCH_CALM=1, as source-bench.ts; argv[4]
// the estimate's time after the release starts, s (180).
import { writeFileSync } from 'node:fs';
import { demoSites, type ChemicalPark } from '@safetwin/twin-models';
import { stageRandomLeak } from './source-staging.ts';

const park = demoSites().find((s): s is ChemicalPark => s.kind === 'chemical-park')!;
const leak = stageRandomLeak({ park, seed: Number(process.argv[2] ?? 1), afterStartS: Number(process.argv[4] ?? 180), windowMs: 300_000, midpoint: process.env.SAFETWIN_BENCH_MIDPOINT === '1', calm: process.env.SAFETWIN_BENCH_CALM === '1' });
writeFileSync(process.argv[3] ?? '/tmp/leak.json', JSON.stringify(leak));
