// Dev aid: stage one leak (seed argv[2]) and write the estimator's input and truth as JSON (argv[3]).
import { writeFileSync } from 'node:fs';
import { demoSites, type ChemicalPark } from '@safetwin/twin-models';
import { stageRandomLeak } from './source-staging.ts';

const park = demoSites().find((s): s is ChemicalPark => s.kind === 'chemical-park')!;
const leak = stageRandomLeak({ park, seed: Number(process.argv[2] ?? 1), afterStartS: Number(process.argv[4] ?? 180), windowMs: 300_000 });
writeFileSync(process.argv[3] ?? '/tmp/leak.json', JSON.stringify(leak));
