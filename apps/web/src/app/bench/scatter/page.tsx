import { BenchScatter } from '../../../bench/BenchScatter.tsx';
import { benchSize, requireBenchMode } from '../../../bench/bench-page.ts';

export const dynamic = 'force-dynamic';

/** `/bench/scatter?sensors=&people=`: the benchmark's baseline, a plain deck.gl ScatterplotLayer (only with SAFETWIN_BENCH=1). */
export default async function BenchScatterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireBenchMode();
  return <BenchScatter size={benchSize(await searchParams)} />;
}
