// Dev aid: run estimateSource on a dumped leak (source-dump.ts) and print the top candidates and the truth.
import { readFileSync } from 'node:fs';
import { estimateSource } from '@safetwin/sim';

const leak = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const t = performance.now();
const est = estimateSource({ ...leak.input, options: { ...leak.input.options, residualsForTop: 1e6 } });
console.log(`truth ${leak.itemId} ${leak.chemical} ${leak.rateKgS.toFixed(3)} kg/s at`, leak.truth.source, `wind ${leak.windSpeedMS.toFixed(1)} from ${leak.windFromDeg.toFixed(0)} ${leak.stability}; ${(performance.now() - t).toFixed(0)} ms; spread ${est.dirSpreadDeg.toFixed(1)}°; hits ${est.hitDetectorIds.join(',')}; faults ${JSON.stringify(leak.truth.faults)}`);
const limit = (id: string): number => leak.input.detectors.find((d: { id: string }) => d.id === id).detectionLimit;
const cand = new Map(leak.input.candidates.map((c: { id: string }) => [c.id, c]));
for (const c of est.candidates.slice(0, Number(process.argv[3] ?? 5)).filter((c) => c.id !== leak.itemId).concat(est.candidates.filter((c) => c.id === leak.itemId))) {
  const p = (cand.get(c.id) as { position: { eastM: number; northM: number } }).position;
  console.log(`${c.id} ${c.chemical} p=${c.probability.toFixed(3)} logEv=${c.logEvidence.toFixed(1)} q=${c.rateKgS.toFixed(3)} ×/÷${c.rateFactor.toFixed(2)} start=${c.releaseStartMs === null ? 'steady' : ((c.releaseStartMs - leak.input.nowMs) / 1000).toFixed(0)} ${c.model} expl=${c.hitsExplained} at (${p.eastM.toFixed(0)}, ${p.northM.toFixed(0)})`);
  for (const r of c.residuals.filter((r) => r.observedMax > limit(r.detectorId) || r.predictedMax > limit(r.detectorId))) console.log(`    ${r.detectorId} obs ${r.observedMax.toFixed(2)} pred ${r.predictedMax.toFixed(2)} rms ${r.rmsLogResidual.toFixed(2)}`);
}
