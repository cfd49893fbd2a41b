// `npm run bench:incident [-- --runs 4 --timeout 180]`: a real hub in this process (demo mode with
// the simulator; PGlite in memory, or a scratch database on DATABASE_URL's server), a socket.io
// client subscribed to cp-nanjing like the wall, and staged leaks through
// POST /api/v1/simulator/scenarios (different items, chemicals and rates). Per leak it measures,
// at the wall's socket, the first level-1/2 gas alarm event → the first `incident` event whose
// assessment has zones, isolation alternatives and an evacuation plan (every group decided, routes
// for the evacuees). Next to it, in the same process: the hub's heartbeat event latency (hub clock
// → received) and the alarm events' (raised → received), as the socket's own baseline. Prints per
// run, the median and the target (10 s). Never asserts.
import { loadavg } from 'node:os';
import { io, type Socket } from 'socket.io-client';
import { createScratchDatabase } from '@safetwin/db';
import type { AlarmView, ClientToServerEvents, IncidentAssessmentView, IncidentView, ServerToClientEvents } from '@safetwin/protocol';
import { createHub } from '../src/create-hub.ts';
import { BENCH_LEAKS } from './incident-leaks.ts';
import { parseNumberArgs } from './alarm-plan.ts';
import { findChemical } from '@safetwin/sim';
import { gasMeasure, measureSees } from '../src/incidents/assessment/gas-metrics.ts';

const args = parseNumberArgs(process.argv.slice(2), { runs: BENCH_LEAKS.length, timeout: 180 });
const PASSWORD = 'bench-password';
const SITE = 'cp-nanjing';
/** Issue 6: first level-1/2 gas alarm → zones + valves + routes on the wall. */
const TARGET_MS = 10_000;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const median = (xs: readonly number[]) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
const p99 = (xs: readonly number[]) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!);

/** An assessment the wall can act on: zones, isolation alternatives and every group decided (routes for evacuees). */
const complete = (a: IncidentAssessmentView | null): a is IncidentAssessmentView =>
  !!a && a.zones.length > 0 && (a.isolation?.alternatives.length ?? 0) > 0 && a.evacuation !== null && a.evacuation.groups.every((g) => g.decision !== 'evacuate' || g.route !== null);

const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL, 'safetwin_bench') : null;
const hub = await createHub({ port: 0, host: '127.0.0.1', demo: true, simulator: true, demoPassword: PASSWORD, databaseUrl: scratch?.url, logLevel: 'warn' });
try {
  console.log(`bench:incident — ${hub.db.description}, demo simulator running; load average at start ${load()}`);
  const login = await fetch(`${hub.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'commander', password: PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${hub.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(hub.url, { auth: { token }, transports: ['websocket'] });
  const heartbeatMs: number[] = [];
  const alarmEventMs: number[] = [];
  const alarms: { alarm: AlarmView; at: number }[] = [];
  const incidents: { incident: IncidentView; at: number }[] = [];
  socket.on('heartbeat', (hubNowMs) => heartbeatMs.push(Date.now() - hubNowMs));
  socket.on('alarm', (alarm) => {
    const at = Date.now();
    alarms.push({ alarm, at });
    if (alarm.state === 'unacknowledged') alarmEventMs.push(at - alarm.updatedAt);
  });
  socket.on('incident', (incident) => incidents.push({ incident, at: Date.now() }));
  const ack = await new Promise<{ ok: boolean }>((resolve) => socket.emit('subscribe', { siteId: SITE }, resolve));
  if (!ack.ok) throw new Error(`subscribe ${SITE}: ${JSON.stringify(ack)}`);
  /** An alarm of a detector that responds to the leaked chemical (an earlier leak's cloud may still raise others). */
  const seesLeak = (a: AlarmView, chemical: string) => {
    const spec = hub.registry.device(a.deviceId)?.metrics[a.metric];
    const m = spec ? gasMeasure(a.metric, spec.unit) : null;
    return m !== null && measureSees(m, findChemical(chemical)!);
  };

  const rows: { leak: string; alarmToReadyMs: number | null; computeMs: number | null; seq: number | null; top: string; evacuees: number }[] = [];
  for (const leak of BENCH_LEAKS.slice(0, args.runs)) {
    const stagedAt = Date.now();
    const res = await api('POST', '/simulator/scenarios', { kind: 'leak', siteId: SITE, equipmentId: leak.itemId, chemical: leak.chemical, rateKgS: leak.rateKgS, durationS: 600 });
    if (res.status !== 201 && res.status !== 200) throw new Error(`staging ${leak.itemId}: ${res.status} ${await res.text()}`);
    const label = `${leak.itemId} ${leak.chemical} ${leak.rateKgS} kg/s`;
    // The first level-1/2 alarm of a gas detector raised after staging, then the first complete assessment of an incident created after it.
    const until = stagedAt + args.timeout * 1000;
    let first: { alarm: AlarmView; at: number } | undefined;
    let ready: { incident: IncidentView; at: number } | undefined;
    while (Date.now() < until && !ready) {
      await new Promise((r) => setTimeout(r, 100));
      first ??= alarms.find((a) => a.at >= stagedAt && a.alarm.level <= 2 && (a.alarm.raisedAt ?? 0) >= stagedAt && seesLeak(a.alarm, leak.chemical));
      if (first) ready = incidents.find((x) => x.at >= first!.at && x.incident.createdAt >= stagedAt && complete(x.incident.assessment));
    }
    // What the earlier assessments of the run lacked (why the wall waited).
    const early = incidents.filter((x) => first && x.at >= first.at && x.incident.createdAt >= stagedAt && x.incident.assessment && x.incident.assessment.seq < (ready?.incident.assessment?.seq ?? Infinity));
    for (const x of new Map(early.map((e) => [e.incident.assessment!.seq, e])).values()) {
      const e = x.incident.assessment!;
      const lacks = [e.zones.length === 0 && 'zones', (e.isolation?.alternatives.length ?? 0) === 0 && 'valves', e.evacuation === null && 'evacuation'].filter(Boolean).join(', ');
      console.log(`  assessment #${e.seq} at +${((x.at - first!.at) / 1000).toFixed(1)} s lacked ${lacks || 'routes'}: ${e.source.chosen.kind} ${e.source.chosen.id ?? ''} (${e.source.reason ?? 'discriminating'}); ${e.warnings.slice(0, 3).join(' | ')}`);
    }
    const a = ready?.incident.assessment ?? null;
    const top = a?.source.candidates[0];
    rows.push({
      leak: label,
      alarmToReadyMs: first && ready ? ready.at - first.at : null,
      computeMs: a?.computeMs ?? null,
      seq: a?.seq ?? null,
      top: top ? `${top.id === leak.itemId ? 'true source' : top.id} ${(top.probability * 100).toFixed(0)} %` : '—',
      evacuees: a?.evacuation?.groups.filter((g) => g.decision === 'evacuate').length ?? 0,
    });
    const r = rows.at(-1)!;
    console.log(
      `${label}: ${first ? `first gas alarm ${first.alarm.deviceId} (level ${first.alarm.level}) ${((first.at - stagedAt) / 1000).toFixed(1)} s after staging` : 'no gas alarm'}; ` +
        (r.alarmToReadyMs === null ? `no complete assessment within ${args.timeout} s` : `alarm → zones + valves + routes on the wall ${(r.alarmToReadyMs / 1000).toFixed(2)} s (assessment #${r.seq}, ${r.computeMs} ms to compute; top ${r.top}; ${r.evacuees} groups evacuating)`),
    );
    // Close the incident so the next leak opens its own.
    if (ready) await api('POST', `/incidents/${ready.incident.id}/state`, { state: 'closed', reason: 'bench run over' });
  }
  socket.close();

  const done = rows.flatMap((r) => (r.alarmToReadyMs === null ? [] : [r.alarmToReadyMs]));
  const med = median(done);
  console.log(`\nalarm → complete assessment on the wall: median ${(med / 1000).toFixed(2)} s over ${done.length}/${rows.length} runs — target < ${TARGET_MS / 1000} s: ${done.length === rows.length && med < TARGET_MS ? 'met' : 'NOT met'}`);
  console.log(`baseline in the same process: heartbeat event latency p50 ${median(heartbeatMs).toFixed(1)} / p99 ${p99(heartbeatMs).toFixed(1)} ms (${heartbeatMs.length} events); alarm event latency (reading time → received) p50 ${median(alarmEventMs).toFixed(1)} / p99 ${p99(alarmEventMs).toFixed(1)} ms (${alarmEventMs.length} events)`);
  console.log(`load average at the end ${load()}`);
} finally {
  await hub.close();
  await scratch?.drop();
}
process.exit(0);
