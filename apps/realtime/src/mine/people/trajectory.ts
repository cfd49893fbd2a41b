// A person's trajectory from the stored tag readings (GET /sites/:id/people/:personId/trajectory):
// positions with time, roadway and chainage, capped and evenly thinned for long windows.
import type { SqlClient } from '@safetwin/db';
import type { TrajectoryPoint, TrajectoryView } from '@safetwin/protocol';
import { locateOnRoadways, type CoalMine, type Enu } from '@safetwin/twin-models';

/** Most points one trajectory returns. */
export const MAX_TRAJECTORY_POINTS = 2000;
/** Longest window one request may ask for, ms (31 days: the readings' partitions are by day). */
export const MAX_TRAJECTORY_WINDOW_MS = 31 * 24 * 3_600_000;

/**
 * Reads the positions of a tag in [fromMs, toMs) and thins them: the window is cut into
 * {@link MAX_TRAJECTORY_POINTS} equal buckets (or 1 ms ones for a short window) and the first
 * position of each bucket is kept — a real position on the roadway, never an average that could
 * fall in the rock between two roadways. `isSurface` tells positions above ground (no roadway).
 */
export async function readTrajectory(
  db: SqlClient,
  site: CoalMine,
  tag: { personId: string; tagDeviceId: string; deviceNum: number },
  fromMs: number,
  toMs: number,
  isSurface: (p: Enu) => boolean,
): Promise<TrajectoryView> {
  const bucketMs = Math.max(1, Math.ceil((toMs - fromMs) / MAX_TRAJECTORY_POINTS));
  const rows = await db.query<{ ts: Date | string; e: number; n: number; u: number }>(
    `SELECT DISTINCT ON (bucket) bucket, ts, seq, e, n, u FROM (
       SELECT floor((extract(epoch FROM r.ts) * 1000 - $4) / $5) AS bucket, r.ts, r.seq,
              max(r.value) FILTER (WHERE m.name = 'east_m') AS e,
              max(r.value) FILTER (WHERE m.name = 'north_m') AS n,
              max(r.value) FILTER (WHERE m.name = 'up_m') AS u
         FROM readings r JOIN metrics m ON m.num = r.metric_num
        WHERE r.device_num = $1 AND r.ts >= $2 AND r.ts < $3 AND m.name IN ('east_m', 'north_m', 'up_m')
        GROUP BY r.ts, r.seq
     ) p WHERE e IS NOT NULL AND n IS NOT NULL AND u IS NOT NULL
     ORDER BY bucket, ts, seq LIMIT $6`,
    [tag.deviceNum, new Date(fromMs).toISOString(), new Date(toMs).toISOString(), fromMs, bucketMs, MAX_TRAJECTORY_POINTS],
  );
  const points = rows.map((r): TrajectoryPoint => {
    const position = { eastM: Number(r.e), northM: Number(r.n), upM: Number(r.u) };
    const fix = isSurface(position) ? null : locateOnRoadways(site, position);
    return { ts: new Date(r.ts).getTime(), position, roadwayId: fix?.roadwayId ?? null, chainageM: fix ? Math.round(fix.chainageM * 10) / 10 : null };
  });
  return { personId: tag.personId, tagDeviceId: tag.tagDeviceId, from: fromMs, to: toMs, bucketMs, points };
}
