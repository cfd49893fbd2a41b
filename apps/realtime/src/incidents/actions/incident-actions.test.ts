import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hubText, type FieldCommand, type HubText, type IncidentAssessmentView, type IncidentView, type IsolationAlternativeView } from '@safetwin/protocol';
import { pointInPolygon, planIsolation, type ChemicalPark } from '@safetwin/twin-models';
import { call, connect, login, pollUntil, startTestHub, storeVariants, TEST_GATEWAY_KEY, type TestSocket } from '../../test-support/test-hub.ts';
import type { Hub } from '../../create-hub.ts';
import { CommandChannel } from '../../commands/command-channel.ts';
import { InProcessQueue } from '../../jobs/in-process-queue.ts';
import { WebhookNotifier } from '../../notify/webhook-notifier.ts';
import { WebhookStore } from '../../notify/webhook-store.ts';
import { verifySignature } from '../../notify/webhook-signing.ts';
import type { IncidentWebhookPayload } from '../../notify/webhook-types.ts';
import { IncidentService } from '../incident-service.ts';
import { IncidentStore } from '../incident-store.ts';
import { sitePlace } from '../site-places.ts';
import { IncidentActions, incidentActor } from './index.ts';
import { SMALL_PARK_ID, smallPark } from './small-park.ts';

// The incident actions on a real hub (its database, ingest and command channel) with a fake
// gateway that acknowledges or refuses each command, on the hand-made park of small-park.ts.

/** The assessment the assessor would give for a leak at the chlorine tank: isolation from twin-models, a zone downwind (wind from the west). */
function assessment(park: ChemicalPark, at: number): IncidentAssessmentView {
  const plan = planIsolation(park, { kind: 'equipment', id: 'TP-TK-1' }, { leakRateKgS: 2 });
  const alternatives: IsolationAlternativeView[] = plan.alternatives.map((a) => ({
    rank: a.rank, minimal: a.minimal, timeToIsolateS: a.timeToIsolateS, releasedBeforeIsolationKg: a.releasedBeforeIsolationKg,
    trappedInventoryKg: a.trappedInventoryKg, totalReleaseKg: a.totalReleaseKg, sideEffects: a.sideEffects.map((s) => s.equipmentId),
    valves: a.valves.map((v) => ({ valveId: v.valveId, deviceId: v.deviceId, actuation: v.actuation, function: v.function, place: sitePlace(park, v.position), closeTimeS: v.closeTimeS })),
  }));
  const ringEnu: [number, number][] = [[0, -60], [450, -150], [450, 150], [0, 60]];
  const tank = sitePlace(park, { eastM: 0, northM: 0 });
  return {
    seq: 1, computedAt: at, dataUntil: at, computeMs: 50,
    weather: { windSpeedMS: 3, windFromDeg: 270, stability: 'D', observedAt: at },
    source: { discriminating: true, reason: null, hitDetectorIds: [], detectorsUsed: 0, candidates: [], chosen: { id: 'TP-TK-1', kind: 'equipment', place: tank, from: 'declared' } },
    isolation: { targets: [{ kind: 'equipment', id: 'TP-TK-1' }], isolable: plan.isolable, reason: plan.reason, unisolableFeeds: [], alternatives },
    release: { rateKgS: 2, startedAt: at - 60_000, endsAt: null, totalKg: 240 },
    zones: [{ level: 'aegl-2', thresholdPpm: 2, distanceM: 450, sourceIds: ['TP-TK-1'], ringEnu, ringLonLat: ringEnu.map(([e, n]) => sitePlace(park, { eastM: e, northM: n }).lonLat) }],
    evacuation: null, doses: [], warnings: [],
  };
}

/** A local webhook receiver recording every POST. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; raw: string; body: IncidentWebhookPayload }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) as IncidentWebhookPayload });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.each(storeVariants())('incident actions on $name', (variant) => {
  let hub: Hub & { dispose: () => Promise<void> };
  let park: ChemicalPark;
  let gateway: TestSocket;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let service: IncidentService;
  let actions: IncidentActions;
  let webhooks: WebhookNotifier;
  const commands: FieldCommand[] = [];
  const refuse = new Set<string>();
  const errors: unknown[] = [];
  let seq = 1;

  const ingest = async (values: Record<string, Record<string, number>>, ts = Date.now()) => {
    const readings = Object.entries(values).map(([deviceId, v]) => ({ deviceId, ts, seq: seq++, values: v }));
    expect((await call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body: { readings } })).status).toBe(202);
  };
  const newIncident = async (origin: 'declared' | 'drill' = 'declared') =>
    service.create({ siteId: SMALL_PARK_ID, enterpriseId: 'TP-ENT', origin, title: 'Cl₂ at chlorine tank 1', titleText: null, chemical: 'Cl2', declared: { equipmentId: 'TP-TK-1', place: null, rateKgS: 2 }, createdBy: 'commander' });
  const detail = (id: string) => service.detail(id);
  const kinds = async (id: string) => (await detail(id)).timeline.map((e) => e.kind);
  /** A level-2 incident after its first assessment: rank 1's TP-XV-1 awaits confirmation, nothing commanded. */
  const levelTwoAwaiting = async () => {
    const incident = await newIncident();
    const a = assessment(park, Date.now());
    actions.onAssessment({ ...incident, level: 2 }, a);
    await pollUntil(async () => (await service.get(incident.id)).valves.length > 0 || undefined, 10_000);
    expect((await service.get(incident.id)).valves).toMatchObject([{ valveId: 'TP-XV-1', state: 'awaiting-confirmation' }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(commands).toEqual([]);
    return { incident, a };
  };

  beforeAll(async () => {
    hub = await startTestHub(variant, { commandTimeoutMs: 2000, webhookAllowPrivate: true });
    park = smallPark();
    await hub.registry.upsert(park);
    receiver = await startReceiver();
    gateway = await connect(hub, { gatewayKey: TEST_GATEWAY_KEY });
    gateway.on('command', (command, ack) => {
      commands.push(command);
      ack(refuse.has(command.deviceId) ? { id: command.id, ok: false, message: 'actuator fault' } : { id: command.id, ok: true, message: 'closing' });
    });
    webhooks = new WebhookNotifier({ store: new WebhookStore(hub.db), queue: new InProcessQueue((_, err) => errors.push(err)), now: Date.now, scopesOf: () => [], onError: (err) => errors.push(err), options: { allowPrivate: true } });
    await webhooks.start();
    service = new IncidentService({ store: new IncidentStore(hub.db), emit: () => {}, now: Date.now, log: (err) => errors.push(err) });
    actions = new IncidentActions({
      commands: new CommandChannel(hub.db, hub.io as never, 2000, Date.now), registry: hub.registry, ingest: hub.ingest, now: Date.now,
      sink: service, webhooks, log: (err) => errors.push(err), commandTimeoutMs: 2000, closeLimitMs: 5000,
    });
  }, 180_000);
  afterAll(async () => {
    await actions?.close();
    webhooks?.close();
    gateway?.disconnect();
    await receiver?.close();
    await hub?.dispose();
  });
  beforeEach(async () => {
    refuse.clear();
    commands.length = 0;
    // Valves open, the tank line flowing, the tank under pressure (just before the incident).
    await ingest({ 'TP-XV-1': { open_pct: 100 }, 'TP-XV-2': { open_pct: 100 }, 'TP-FT-1': { flow_kg_s: 3 }, 'TP-PT-1': { pressure_kpa: 800 } });
    await new Promise((r) => setTimeout(r, 5));
  });

  it('level 1: commands the rank-1 valve at once; its own report closes it, the flow drop on its line confirms it, the incident is isolated', async () => {
    const incident = await newIncident();
    actions.onAssessment({ ...incident, level: 1 }, assessment(park, Date.now()));
    const sent = await pollUntil(async () => commands.find((c) => c.deviceId === 'TP-XV-1'), 10_000);
    expect(sent).toMatchObject({ siteId: SMALL_PARK_ID, action: 'valve.close' });
    const row = await pollUntil(async () => (await hub.db.query<{ issued_by: string; state: string }>(`SELECT issued_by, state FROM commands WHERE id = $1`, [sent!.id])).find((r) => r.state !== 'sent'), 10_000);
    expect(row).toEqual({ issued_by: incidentActor(incident.id), state: 'acknowledged' });
    await pollUntil(async () => (await service.get(incident.id)).valves[0]?.commandId === sent!.id || undefined, 10_000);
    expect((await service.get(incident.id)).valves).toMatchObject([{ valveId: 'TP-XV-1', state: 'commanded', commandId: sent!.id }]);

    await ingest({ 'TP-XV-1': { open_pct: 0 } });
    await ingest({ 'TP-FT-1': { flow_kg_s: 0.1 } });
    const done = await pollUntil(async () => {
      const v = await service.get(incident.id);
      return v.milestones.isolatedAt !== null ? v : undefined;
    }, 10_000);
    expect(done!.valves[0]).toMatchObject({ state: 'confirmed' });
    expect(done!.valves[0]!.evidence).toContain('TP-FT-1 flow 0.1 kg/s, was 3 kg/s');
    // The closing's evidence and the drop, each a sentence the wall words.
    expect(done!.valves[0]!.evidenceTexts!.map((e) => e.key)).toEqual(['valve.reports-open', 'valve.flow-drop']);
    expect(done!.milestones.valvesCommandedAt).not.toBeNull();
    expect(await kinds(incident.id)).toEqual(expect.arrayContaining(['valves-proposed', 'valve-commanded', 'valve-closed', 'valve-confirmed', 'isolated']));
    actions.forget(incident.id);
  });

  it('level 2: nothing is commanded until a commander confirms; manual valves become field tasks with a location, done in the field', async () => {
    const { incident, a } = await levelTwoAwaiting();

    const valves = await actions.confirmIsolation({ ...incident, level: 2, assessment: a }, 2, 'commander');
    expect(valves.map((v) => [v.valveId, v.state])).toEqual([['TP-XV-2', 'commanded'], ['TP-HV-3', 'field-task']]);
    expect(valves[1]!.evidence).toMatch(/field task: \d+ m from (Main Avenue|North Road)/);
    // One sentence, the place inside it (a Chinese wall reads "现场任务：距…；位于…", not the task and the place as two items).
    expect(valves[1]!.evidenceTexts).toEqual([hubText('valve.field-task', { where: hubText('join.semicolon', { first: expect.objectContaining({ key: 'place.from-road' }), rest: expect.objectContaining({ key: 'place.of-landmark' }) }) })]);
    const sent = await pollUntil(async () => commands.find((c) => c.deviceId === 'TP-XV-2'), 10_000);
    expect((await hub.db.query<{ issued_by: string }>(`SELECT issued_by FROM commands WHERE id = $1`, [sent!.id]))[0]!.issued_by).toBe('commander');
    expect(commands.some((c) => c.deviceId === 'TP-XV-1'), 'the unconfirmed rank-1 proposal is dropped').toBe(false);

    await expect(actions.fieldDone(incident, 'TP-XV-2', 'crew-1')).rejects.toMatchObject({ code: 'incident:valve-state', statusCode: 409 });
    await expect(actions.confirmIsolation({ ...incident, assessment: a }, 7, 'commander')).rejects.toMatchObject({ code: 'incident:no-isolation' });
    const afterField = await actions.fieldDone(incident, 'TP-HV-3', 'crew-1');
    expect(afterField.find((v) => v.valveId === 'TP-HV-3')).toMatchObject({ state: 'field-done', evidence: 'shut by hand, reported by crew-1' });
    await ingest({ 'TP-XV-2': { open_pct: 0 } });
    const isolated = await pollUntil(async () => {
      const v = await service.get(incident.id);
      return v.milestones.isolatedAt !== null ? v : undefined;
    }, 10_000);
    expect(isolated!.valves.map((v) => v.state)).toEqual(['closed', 'field-done']); // no transmitter on the reactor line: closed, not confirmed
    const timeline = (await detail(incident.id)).timeline;
    expect(timeline.find((e) => e.kind === 'field-task')!.data).toMatchObject({ valveId: 'TP-HV-3' });
    // Each entry also carries its sentence by key for the wall's language; the place of a field task, part by part.
    const task = timeline.find((e) => e.kind === 'field-task')!.messageText!;
    expect(task).toMatchObject({ key: 'event.field-task', values: { valve: 'TP-HV-3' } });
    expect((task.values.where as HubText).key).toMatch(/^(place\.|join\.semicolon)/);
    expect(timeline.find((e) => e.kind === 'valve-closed' && e.actor === 'crew-1')!.messageText).toEqual(hubText('event.valve-by-hand', { valve: 'TP-HV-3', actor: 'crew-1' }));
    expect(timeline.filter((e) => e.kind === 'valve-commanded').map((e) => e.actor)).toEqual(['commander']);
    actions.forget(incident.id);
  });

  it('level 1: a refused command fails the valve and the next set is commanded', async () => {
    refuse.add('TP-XV-1');
    const incident = await newIncident();
    actions.onAssessment({ ...incident, level: 1 }, assessment(park, Date.now()));
    const next = await pollUntil(async () => commands.find((c) => c.deviceId === 'TP-XV-2'), 10_000);
    expect(next).toBeDefined();
    const view = await pollUntil(async () => {
      const v = await service.get(incident.id);
      return v.valves.length === 3 ? v : undefined;
    }, 10_000);
    expect(view!.valves.map((v) => [v.valveId, v.state])).toEqual([['TP-XV-1', 'failed'], ['TP-XV-2', 'commanded'], ['TP-HV-3', 'field-task']]);
    expect(view!.valves[0]!.evidence).toBe('command rejected (actuator fault)');
    const timeline = (await detail(incident.id)).timeline;
    expect(timeline.find((e) => e.kind === 'valve-failed')!.message).toContain('TP-XV-1 failed: command rejected');
    expect(timeline.filter((e) => e.kind === 'valves-proposed').at(-1)!.message).toContain('after TP-XV-1 failed, isolation rank 2');
    expect(timeline.find((e) => e.kind === 'valve-failed')!.messageText).toMatchObject({ key: 'event.valve-failed', values: { valve: 'TP-XV-1', reason: { key: 'valve.command-failed' } } });
    expect(timeline.filter((e) => e.kind === 'valves-proposed').at(-1)!.messageText).toMatchObject({
      key: 'event.valves-proposed', values: { why: hubText('why.after-failed-rank', { valve: 'TP-XV-1', rank: 2 }), set: { key: 'valves.set' } },
    });
    actions.forget(incident.id);
  });

  it('level 1: a valve that never reports closed fails at the close limit', async () => {
    const incident = await newIncident();
    actions.onAssessment({ ...incident, level: 1 }, assessment(park, Date.now()));
    const failed = await pollUntil(async () => (await service.get(incident.id)).valves.find((v) => v.valveId === 'TP-XV-1' && v.state === 'failed'), 20_000, 200);
    expect(failed!.evidence).toBe('did not report closed within 5 s of the command');
    expect(await pollUntil(async () => commands.find((c) => c.deviceId === 'TP-XV-2'), 10_000), 'the next set is commanded').toBeDefined();
    actions.forget(incident.id);
  });

  it('level 2 escalated to level 1: the proposal awaiting confirmation is commanded on the next assessment', async () => {
    const { incident, a } = await levelTwoAwaiting();
    // A level-1 alarm joins: the incident is level 1 at its next assessment.
    actions.onAssessment({ ...incident, level: 1 }, { ...a, seq: 2 });
    const sent = await pollUntil(async () => commands.find((c) => c.deviceId === 'TP-XV-1'), 10_000);
    const row = await pollUntil(async () => (await hub.db.query<{ issued_by: string; state: string }>(`SELECT issued_by, state FROM commands WHERE id = $1`, [sent!.id])).find((r) => r.state !== 'sent'), 10_000);
    expect(row!.issued_by).toBe(incidentActor(incident.id));
    expect((await detail(incident.id)).timeline.some((e) => e.kind === 'valves-proposed' && e.message.startsWith('escalated to level 1'))).toBe(true);
    actions.forget(incident.id);
  });

  it('a closed incident: confirm and field-done are refused (409), nothing is commanded', async () => {
    const incident = await newIncident();
    const a = assessment(park, Date.now());
    await service.recordAssessment(incident.id, a);
    const closed = await service.transition(incident.id, 'closed', 'commander', 'false alarm');
    expect(closed.state).toBe('closed');
    await expect(actions.confirmIsolation({ ...closed, assessment: a }, 1, 'commander')).rejects.toMatchObject({ code: 'incident:invalid-transition', statusCode: 409 });
    await expect(actions.fieldDone(closed, 'TP-HV-3', 'crew-1')).rejects.toMatchObject({ code: 'incident:invalid-transition', statusCode: 409 });
    await expect(actions.notifyFireBrigade(closed, 'commander')).rejects.toMatchObject({ code: 'incident:invalid-transition' });
    await new Promise((r) => setTimeout(r, 300));
    expect(commands).toEqual([]);
    expect((await service.get(incident.id)).valves).toEqual([]);
  });

  it('drill: no command reaches the gateway; what would have been commanded is recorded', async () => {
    const incident = await newIncident('drill');
    actions.onAssessment({ ...incident, level: 1 }, assessment(park, Date.now()));
    const entry = await pollUntil(async () => (await detail(incident.id)).timeline.find((e) => e.kind === 'valve-commanded'), 10_000);
    expect(entry!.message).toContain('drill: TP-XV-1 would be commanded closed');
    expect(entry!.data).toMatchObject({ drill: true, sent: false });
    await new Promise((r) => setTimeout(r, 500));
    expect(commands).toEqual([]);
    expect((await service.get(incident.id)).valves[0]).toMatchObject({ state: 'commanded', commandId: null });
    actions.forget(incident.id);
  });

  it('the brief: location, hazards, zones, and an access route from an upwind gate to a staging point outside every zone; sent signed to the hooks that asked', async () => {
    const token = await login(hub, 'commander');
    const hook = await call(hub, 'POST', '/webhooks', { token, body: { siteId: SMALL_PARK_ID, url: `${receiver.url}/fire`, events: { alarmRaised: null, responses: [], incidents: ['fire-brigade'] } } });
    expect(hook.status).toBe(201);
    await call(hub, 'POST', '/webhooks', { token, body: { siteId: SMALL_PARK_ID, url: `${receiver.url}/alarms-only` } });
    await webhooks.refresh();

    const incident = await newIncident();
    const a = assessment(park, Date.now());
    const view: IncidentView = { ...incident, level: 1, assessment: a };
    const brief = actions.brief(view);
    expect(brief.chemical).toMatchObject({ id: 'Cl2', flammable: false, aeglPpm: { aegl1: 0.5, aegl2: 2, aegl3: 20 } });
    expect(brief.location.nearestRoad).toMatchObject({ label: 'North Road', distanceM: 0 }); // it runs north from B past the tank
    expect(brief.zones).toEqual([{ level: 'aegl-2', thresholdPpm: 2, distanceM: 450 }]);
    const route = brief.accessRoute!;
    expect(route.gate.id).toBe('TP-GATE-W'); // upwind (wind from the west); the east gate is downwind
    expect(route.pathEnu[0]).toEqual([-600, -100]);
    const ring = a.zones[0]!.ringEnu.map(([eastM, northM]) => ({ eastM, northM }));
    const [endE, endN] = route.pathEnu.at(-1)!;
    expect(pointInPolygon({ eastM: endE, northM: endN }, ring)).toBe(false);
    expect(endE).toBeLessThan(0); // upwind of the tank
    expect(route.pathLonLat).toHaveLength(route.pathEnu.length);
    expect(route.roads).toEqual(['Main Avenue']);
    // The page words the brief in its reader's language: names in both, the hub's sentences by key, one per warning.
    expect(route.roadNames!.map((r) => r.en)).toEqual(['Main Avenue']);
    expect(route.reasonText).toMatchObject({ key: 'brief.route-reason', values: { side: { key: 'side.upwind' }, stagingSide: { key: 'side.upwind' } } });
    expect(brief.location.descriptionTexts!.map((d) => d.key)).toEqual(['place.from-road', 'place.of-landmark']);
    expect(brief.warningTexts).toHaveLength(brief.warnings.length);
    // A declared source is as sure as the declaration; an estimated one not more likely than not says so and names the others.
    expect(brief.warnings.filter((w) => w.startsWith('location'))).toEqual([]);
    const guess = (id: string, probability: number) => ({ id, kind: 'equipment' as const, label: `item ${id}`, enterpriseId: null, chemical: 'Cl2', place: a.source.chosen.place, probability, rateKgS: 1, rateFactor: 3, releaseStartMs: null });
    const estimated = (over: Partial<IncidentAssessmentView['source']>): IncidentView => ({ ...view, assessment: { ...a, source: { ...a.source, chosen: { ...a.source.chosen, from: 'estimate' }, candidates: [guess('TP-TK-1', 0.31), guess('TP-TK-2', 0.3), guess('TP-P-3', 0.12)], ...over } } });
    expect(actions.brief(estimated({})).warnings).toContain('location uncertain: TP-TK-1 is the most likely source at 31 %; also possible: item TP-TK-2 (TP-TK-2) 30 %, item TP-P-3 (TP-P-3) 12 %');
    expect(actions.brief(estimated({})).warningTexts).toContainEqual({
      key: 'brief.location-uncertain',
      values: { id: 'TP-TK-1', p: '31 %', others: { zh: 'item TP-TK-2 (TP-TK-2) 30 %、item TP-P-3 (TP-P-3) 12 %', en: 'item TP-TK-2 (TP-TK-2) 30 %, item TP-P-3 (TP-P-3) 12 %' } },
    });
    expect(actions.brief(estimated({ candidates: [guess('TP-TK-1', 0.9)] })).warnings.filter((w) => w.startsWith('location'))).toEqual([]);
    expect(actions.brief(estimated({ discriminating: false, reason: 'only 2 detector(s) saw gas', candidates: [] })).warnings).toContain('location not yet fixed by the detectors (only 2 detector(s) saw gas): the item nearest the highest reading is given');
    // An estimated rate the readings do not pin (×/÷ 3 at 1 σ) is given as its range, the zones said to be drawn for its middle.
    const rateCaveats = (v: IncidentView) => actions.brief(v).warnings.filter((w) => w.includes('release rate'));
    expect(rateCaveats(estimated({}))).toEqual(["the readings pin TP-TK-1's release rate only to 0.33–3 kg/s (1 σ): the zones are drawn for 1 kg/s and may be too small"]);
    expect(rateCaveats(estimated({ candidates: [{ ...guess('TP-TK-1', 0.9), rateFactor: 1.4 }] }))).toEqual([]);
    expect(rateCaveats(view)).toEqual([]); // the assessment's own source, not the estimate's

    // Level 1 with zones: notified automatically after the first assessment.
    actions.onAssessment(view, a);
    const got = await pollUntil(async () => receiver.received.find((r) => r.body.incident?.id === incident.id), 15_000);
    expect(got!.headers['x-safetwin-event']).toBe('incident.fire-brigade');
    expect(verifySignature(hook.body.secret, got!.raw, String(got!.headers['x-safetwin-signature']))).toBe(true);
    expect(got!.body.brief.accessRoute!.gate.id).toBe('TP-GATE-W');
    expect(receiver.received.filter((r) => r.body.incident?.id === incident.id)).toHaveLength(1); // not to the alarms-only hook
    const timeline = await pollUntil(async () => {
      const t = (await detail(incident.id)).timeline.filter((e) => e.kind === 'notification');
      return t.length >= 2 ? t : undefined;
    }, 10_000);
    expect(timeline![0]!.message).toContain('sent automatically (level 1): queued to 127.0.0.1');
    expect(timeline![1]!.message).toContain('fire-brigade brief delivered to 127.0.0.1');
    expect((await service.get(incident.id)).milestones.fireBrigadeNotifiedAt).not.toBeNull();
    actions.forget(incident.id);

    // A drill never reaches the fire brigade's hook: the timeline says what would have been sent.
    const drill = await newIncident('drill');
    await actions.notifyFireBrigade({ ...drill, level: 1, assessment: a }, 'drill-planner');
    const said = (await detail(drill.id)).timeline.find((e) => e.kind === 'notification');
    expect(said!.message).toBe('drill: the fire brigade would be notified by drill-planner — brief not sent');
    expect(said!.messageText).toEqual(hubText('event.brief-drill-by', { actor: 'drill-planner' }));
    expect(said!.data).toMatchObject({ drill: true, sent: false });
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.received.filter((r) => r.body.incident?.id === drill.id)).toEqual([]);
  }, 60_000);
});
