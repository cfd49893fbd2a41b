import { z } from 'zod';
import { groupStoredRows } from '@safetwin/db';
import { SensorTimeSchema, toEpochMs } from '@safetwin/protocol';
import { canSeeDevice } from '../auth/access.ts';
import { badBody, notFound } from '../errors.ts';
import { requireUser, type RouteDeps, type ZodApp } from './context.ts';

const HOUR_MS = 3_600_000;
/** Most readings one history request returns. */
export const MAX_HISTORY_READINGS = 10_000;

/** Latest instant a JavaScript Date can hold (ECMA-262 §21.4.1.1), epoch ms. */
const MAX_DATE_MS = 8.64e15;
const TimeParam = z.union([z.coerce.number().int().nonnegative().max(MAX_DATE_MS, 'times are epoch ms up to year 275760'), SensorTimeSchema]);
const HistoryQuery = z.object({
  from: TimeParam.optional().describe('start, epoch ms or ISO-8601 (default: an hour before `to`)'),
  to: TimeParam.optional().describe('end, exclusive, epoch ms or ISO-8601 (default: now)'),
  limit: z.coerce.number().int().min(1).max(MAX_HISTORY_READINGS).default(5000),
});

/** GET /sensors/:id/readings — a device's stored history, oldest first. */
export function readingRoutes(app: ZodApp, deps: RouteDeps, now: () => number): void {
  app.get(
    '/sensors/:id/readings',
    { schema: { tags: ['readings'], summary: 'History of one device', params: z.object({ id: z.string().min(1).max(64) }), querystring: HistoryQuery } },
    async (request) => {
      const user = await requireUser(deps, request);
      const device = deps.registry.device(request.params.id);
      if (!device || !canSeeDevice(user, device)) throw notFound(`no device '${request.params.id}'`);
      const toMs = request.query.to === undefined ? now() : toEpochMs(request.query.to);
      const fromMs = request.query.from === undefined ? toMs - HOUR_MS : toEpochMs(request.query.from);
      if (!(fromMs < toMs)) throw badBody('from must be before to');
      const metricCount = Math.max(1, Object.keys(device.metrics).length);
      const rows = await deps.db.query<{ ts: Date | string; seq: string | number; metric: string; value: number }>(
        `SELECT r.ts, r.seq, m.name AS metric, r.value FROM readings r JOIN metrics m ON m.num = r.metric_num
          WHERE r.device_num = $1 AND r.ts >= $2 AND r.ts < $3
          ORDER BY r.ts, r.seq LIMIT $4`,
        [deps.registry.deviceNum(device.deviceId), new Date(fromMs).toISOString(), new Date(toMs).toISOString(), request.query.limit * metricCount],
      );
      const readings = groupStoredRows(rows, () => 0, (row) => row.metric).map(({ ts, seq, values }) => ({ ts, seq, values }));
      return { deviceId: device.deviceId, from: fromMs, to: toMs, readings: readings.slice(0, request.query.limit) };
    },
  );
}
