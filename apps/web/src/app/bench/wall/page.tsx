import { BenchWall } from '../../../bench/BenchWall.tsx';
import { benchSize, requireBenchMode } from '../../../bench/bench-page.ts';

export const dynamic = 'force-dynamic';

/** `/bench/wall?sensors=&people=`: the site wall on a synthetic site (only with SAFETWIN_BENCH=1). */
export default async function BenchWallPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireBenchMode();
  return <BenchWall size={benchSize(await searchParams)} />;
}
