// Test scenario (incident-handover.test.ts on one hub, scale-out.test.ts on two): an incident whose
// likely source moves from one plant to another. A park-level incident (no plant of its own, so only
// its estimate brings plants' officers in) is estimated at a tank of plant A — A's officer sees it —
// then at plant B's equipment instead. A's officer must get one `incident-handed-over` (id, site,
// version, reason: nothing of the incident they may no longer see) and nothing after it; B's officer
// and the commander get every later version.
import { expect } from 'vitest';
import type { ChemicalPark } from '@safetwin/twin-models';
import type { Hub } from '../create-hub.ts';
import { call, connect, login, pollUntil, type TestSocket } from '../test-support/test-hub.ts';
import { declaredInput, estimateNaming, incidentFeed, type IncidentFeedEntry } from './incident-test-support.ts';

const PARK = 'cp-nanjing';
const PLANT_A = 'CP-E1';
const PLANT_B = 'CP-E2';
/** How long an event may take to arrive (a loaded CI machine), ms; never asserted. */
const ARRIVES_MS = 15_000;
/** How long A's wall is watched for an update it must not get, ms. */
const QUIET_MS = 300;

/** A wall of `username` on `hub`, subscribed to the park: what it hears of incidents. */
async function wall(hub: Hub, username: string, sockets: TestSocket[]): Promise<IncidentFeedEntry[]> {
  const socket = await connect(hub, { token: await login(hub, username) });
  sockets.push(socket);
  const feed = incidentFeed(socket);
  expect(await socket.emitWithAck('subscribe', { siteId: PARK })).toMatchObject({ ok: true });
  return feed;
}

const versions = (feed: IncidentFeedEntry[], id: string) => feed.flatMap((e) => (e.kind === 'incident' && e.incident.id === id ? [e.incident] : []));
const hears = (feed: IncidentFeedEntry[], id: string, updatedAt: number) => pollUntil(async () => versions(feed, id).some((v) => v.updatedAt >= updatedAt) || undefined, ARRIVES_MS);

/**
 * Runs the scenario: `first` creates the incident and records the estimate naming plant A; `second`
 * (the same hub, or another behind the Redis adapter that never held the incident) records the
 * estimate that moves the source to plant B. A's wall is on `second`, B's and the commander's on `first`.
 */
export async function runSourceMove(first: Hub, second: Hub, sockets: TestSocket[]): Promise<void> {
  const park = first.registry.site(PARK) as ChemicalPark;
  const itemOf = (enterpriseId: string) => park.equipment.find((e) => e.enterpriseId === enterpriseId)!.id;
  const commander = await wall(first, 'commander', sockets);
  const plantA = await wall(second, `officer-${PLANT_A}`, sockets);
  const plantB = await wall(first, `officer-${PLANT_B}`, sockets);

  const created = await first.incidents.create(declaredInput(PARK, null));
  const at = Date.now();
  // Numbered far above the hub's own first assessment: that one, stored after, is ignored.
  const atA = await first.incidents.recordAssessment(created.id, estimateNaming(1000, at, [
    { id: itemOf(PLANT_A), enterpriseId: PLANT_A, probability: 0.8 },
    { id: itemOf(PLANT_B), enterpriseId: PLANT_B, probability: 0.05 },
  ]));
  expect(await hears(plantA, created.id, atA.updatedAt)).toBe(true);

  const moved = await second.incidents.recordAssessment(created.id, estimateNaming(1001, at + 1_000, [
    { id: itemOf(PLANT_B), enterpriseId: PLANT_B, probability: 0.85 },
    // Below the 5 % a plant already on the incident stays at (auth/access.ts).
    { id: itemOf(PLANT_A), enterpriseId: PLANT_A, probability: 0.03 },
  ]));
  const handover = await pollUntil(async () => plantA.find((e) => e.kind === 'handed-over'), ARRIVES_MS);
  expect(handover).toEqual({ kind: 'handed-over', handover: { id: created.id, siteId: PARK, updatedAt: moved.updatedAt, reason: 'source-moved' } });
  expect(await hears(plantB, created.id, moved.updatedAt)).toBe(true);
  const asA = await login(second, `officer-${PLANT_A}`);
  expect((await call(second, 'GET', `/incidents/${created.id}`, { token: asA })).status).toBe(404);

  // A later change reaches B and the commander, and nothing more reaches A.
  await first.incidents.record(created.id, { kind: 'note', actor: 'commander', message: 'fire brigade on site' });
  const noted = await first.incidents.get(created.id);
  expect(await hears(plantB, created.id, noted.updatedAt)).toBe(true);
  expect(await hears(commander, created.id, noted.updatedAt)).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  expect(plantA.slice(plantA.indexOf(handover!) + 1)).toEqual([]);
  expect(versions(plantA, created.id).every((v) => v.updatedAt < moved.updatedAt)).toBe(true);
  expect([...plantB, ...commander].some((e) => e.kind === 'handed-over')).toBe(false);
}
