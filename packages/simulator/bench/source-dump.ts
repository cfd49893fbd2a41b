// Dev aid: stage one leak (seed argv[2]) and write the estimator's input and truth as JSON (argv[3]), staged as
// source-bench.ts stages it under the same SAFETWIN_BENCH_* variables (source-staging.ts stagingFromEnv); argv[4] the
// estimate's time after the release starts, s (180).
import { writeFileSync } from 'node:fs';
import { demoSites, type ChemicalPark } from '@safetwin/twin-models';
import { stageRandomLeak, stagingFromEnv } from './source-staging.ts';

const park = demoSites().find((s): s is ChemicalPark => s.kind === 'chemical-park')!;
const leak = stageRandomLeak({ park, seed: Number(process.argv[2] ?? 1), afterStartS: Number(process.argv[4] ?? 180), ...stagingFromEnv() });
writeFileSync(process.argv[3] ?? '/tmp/leak.json', JSON.stringify(leak));
