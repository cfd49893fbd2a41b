// A person's trajectory for playback on the wall: the hub's positions over a window
// (GET /sites/:id/people/:personId/trajectory?from&to), and where the person was at any instant
// of it (linear between fixes; the hub already snapped them to the roadways).
import type { Enu } from '@safetwin/twin-models';
import { HubError } from '../lib/hub-error.ts';
import { hubCall, type HubCaller } from './hub-call.ts';

/** One position of the trajectory. */
export interface TrajectoryPoint {
  /** Sensor time, epoch ms. */
  ts: number;
  position: Enu;
  roadwayId: string | null;
  chainageM: number | null;
}

/** A person's positions over a window, oldest first. */
export interface TrajectoryView {
  personId: string;
  fromMs: number;
  toMs: number;
  points: TrajectoryPoint[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One point of the hub's answer: `{ts, eastM, northM, upM, roadwayId?, chainageM?}` or with a `position` object; null when unusable. */
export function parsePoint(raw: unknown): TrajectoryPoint | null {
  const r = raw as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return null;
  const p = (r.position && typeof r.position === 'object' ? r.position : r) as Record<string, unknown>;
  const ts = num(r.ts) ?? num(r.at);
  const eastM = num(p.eastM), northM = num(p.northM), upM = num(p.upM);
  if (ts === null || eastM === null || northM === null || upM === null) return null;
  return { ts, position: { eastM, northM, upM }, roadwayId: typeof r.roadwayId === 'string' ? r.roadwayId : null, chainageM: num(r.chainageM) };
}

/** `GET /sites/:id/people/:personId/trajectory?from&to`: the positions, oldest first. */
export async function fetchTrajectory(caller: HubCaller, siteId: string, personId: string, fromMs: number, toMs: number): Promise<TrajectoryView> {
  const path = `/sites/${encodeURIComponent(siteId)}/people/${encodeURIComponent(personId)}/trajectory?from=${Math.round(fromMs)}&to=${Math.round(toMs)}`;
  const answer = (await hubCall(caller, 'GET', path)) as Record<string, unknown> | null;
  const list = (answer?.points ?? (answer?.trajectory as Record<string, unknown> | undefined)?.points) as unknown;
  if (!Array.isArray(list)) throw new HubError('hub:bad-response', `the hub's answer to ${path} has no points list`, 200);
  const points = list.map(parsePoint).filter((p): p is TrajectoryPoint => p !== null).sort((a, b) => a.ts - b.ts);
  return { personId, fromMs, toMs, points };
}

/** Where the person was at `atMs`: between the two fixes around it, linearly; the first or last fix outside them; null without fixes. */
export function positionAt(points: readonly TrajectoryPoint[], atMs: number): { position: Enu; index: number } | null {
  if (points.length === 0) return null;
  if (atMs <= points[0]!.ts) return { position: points[0]!.position, index: 0 };
  const last = points.length - 1;
  if (atMs >= points[last]!.ts) return { position: points[last]!.position, index: last };
  let lo = 0, hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.ts <= atMs) lo = mid;
    else hi = mid;
  }
  const a = points[lo]!, b = points[hi]!;
  const t = b.ts === a.ts ? 0 : (atMs - a.ts) / (b.ts - a.ts);
  return {
    position: { eastM: a.position.eastM + (b.position.eastM - a.position.eastM) * t, northM: a.position.northM + (b.position.northM - a.position.northM) * t, upM: a.position.upM + (b.position.upM - a.position.upM) * t },
    index: lo,
  };
}
