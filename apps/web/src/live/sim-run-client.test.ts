// The browser's sim-run calls against the real hub (in-process, demo sites, in-memory store):
// submit an assessment, follow it by the site's `sim-run` socket events, fetch and decode the
// result; refusals carry the hub's own message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SimRunView } from '@safetwin/protocol';
import type { Hub } from '@safetwin/realtime';
import { demoSites } from '@safetwin/twin-models';
import { HubError } from '../lib/hub-error.ts';
import { buildReleaseRequest, decodeAssessment, type ReleaseFormValues } from './sim-run.ts';
import { cancelSimRun, fetchSimRun, submitSimRun } from './sim-run-client.ts';
import { RELEASE_FORM } from './sim-run-fixture.ts';
import { SimRunFeed } from './sim-run-feed.ts';
import { followRun } from './sim-run-follow.ts';

const PARK = 'cp-nanjing';
const PASSWORD = 'sim-client-test';
let hub: Hub;

async function token(username: string): Promise<string> {
  const r = await fetch(`${hub.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  return ((await r.json()) as { token: string }).token;
}

/** The shared form, with manual weather (no station in this hub: the simulator is off) and a smaller rate. */
const FORM: ReleaseFormValues = { ...RELEASE_FORM, rateKgS: '0.5', weather: 'manual', liveStability: null, windSpeedMS: '3', windFromDeg: '250', stability: 'D' };

beforeAll(async () => {
  const { createHub } = await import('@safetwin/realtime');
  hub = await createHub({ port: 0, host: '127.0.0.1', demo: true, simulator: false, demoPassword: PASSWORD, logLevel: 'silent' });
}, 60_000);
afterAll(async () => {
  await hub?.close();
});

describe('sim-run client against the hub', () => {
  it('submits the form’s request, follows the run by socket events to done, and decodes the grid', async () => {
    const caller = { hubUrl: hub.url, token: await token('commander') };
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(hub.url, { auth: { token: caller.token }, transports: ['websocket'] });
    const feed = new SimRunFeed();
    socket.on('sim-run', (run) => feed.publish(run));
    await new Promise<void>((resolve, reject) => socket.emit('subscribe', { siteId: PARK }, (a) => (a.ok ? resolve() : reject(new Error(a.error.message)))));
    try {
      const park = demoSites().find((x) => x.id === PARK)!;
      const tank = park.kind === 'chemical-park' ? park.equipment.find((e) => e.id === 'CP-E1-TK-01')!.position : null;
      const built = buildReleaseRequest(PARK, FORM, { boundary: park.kind === 'chemical-park' ? park.boundary : [], sourceAt: tank });
      if (!built.ok) throw new Error('form did not build');
      const startedAt = Date.now();
      const queued = await submitSimRun(caller, built.request);
      expect(queued.kind).toBe('assessment');
      const seen: SimRunView[] = [];
      const done = await new Promise<SimRunView>((resolve, reject) => {
        followRun({ feed, runId: queued.id, fetchRun: (id) => fetchSimRun(caller, id), onUpdate: (r) => (seen.push(r), r.state === 'done' ? resolve(r) : r.state === 'failed' ? reject(new Error(r.error ?? '')) : undefined), onError: reject });
      });
      console.log(`[sim-run client] submit → done ${Date.now() - startedAt} ms; ${seen.length} updates, stages: ${[...new Set(seen.map((r) => r.stage).filter(Boolean))].join(', ')}`);
      const view = decodeAssessment(done.result);
      expect(view.chemical.id).toBe('Cl2');
      expect(view.grid.frames[0]!.valuesPpm.length).toBe(view.grid.nx * view.grid.ny);
      expect(view.zones.metadata.coordinates).toBe('lonlat');
      // The grid at the park's scale, as asked.
      const extent = (built.request.scenario.grid as { extent: { east0M: number; east1M: number } }).extent;
      expect(view.grid.east0M).toBeGreaterThanOrEqual(extent.east0M);
      expect(view.grid.east0M + view.grid.nx * view.grid.cellM).toBeLessThanOrEqual(extent.east1M + view.grid.cellM);
      console.log(`[sim-run client] grid ${view.grid.nx}×${view.grid.ny} cells of ${view.grid.cellM.toFixed(1)} m`);
      expect(view.points.length).toBeGreaterThan(0);
      expect(done.context.source?.equipmentId).toBe('CP-E1-TK-01');
      expect(done.context.weather).toEqual({ from: 'request' });
      expect(seen.some((r) => r.state === 'running' || r.state === 'queued')).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('a refusal carries the hub’s message: a safety officer may not run, a bad field is named', async () => {
    const built = buildReleaseRequest(PARK, FORM);
    if (!built.ok) throw new Error('form did not build');
    const officer = { hubUrl: hub.url, token: await token('officer-CP-E1') };
    const refused = await submitSimRun(officer, built.request).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HubError);
    expect((refused as HubError).status).toBe(403);
    console.log(`[sim-run client] officer refused: ${(refused as HubError).message}`);
    const commander = { hubUrl: hub.url, token: await token('commander') };
    const bad = { ...built.request, scenario: { ...built.request.scenario, release: { kind: 'continuous', rateKgS: -1 } } };
    const badInput = (await submitSimRun(commander, bad).catch((e: unknown) => e)) as HubError;
    expect(badInput.status).toBe(400);
    expect(badInput.message).toMatch(/rateKgS/);
    const missing = (await cancelSimRun(commander, 'no-such-run').catch((e: unknown) => e)) as HubError;
    expect(missing.status).toBe(404);
  });
});
