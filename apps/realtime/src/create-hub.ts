import { hostname } from 'node:os';
import Fastify from 'fastify';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { deviceState, openDatabase, maintainPartitions, type SqlClient } from '@safetwin/db';
import { HEARTBEAT_EMIT_MS, type SimRunView } from '@safetwin/protocol';
import { getDemoSite } from '@safetwin/twin-models';
import { DEFAULT_HUB_OPTIONS, type HubOptions } from './hub-options.ts';
import { AuthService } from './auth/auth-service.ts';
import { SiteRegistry } from './sites/site-registry.ts';
import { seedDemo } from './sites/demo-seed.ts';
import { Deduplicator } from './ingest/dedupe.ts';
import { BatchWriter } from './ingest/batch-writer.ts';
import { IngestService } from './ingest/ingest-service.ts';
import { Fanout } from './fanout/fanout.ts';
import { latestValues } from './fanout/latest-values.ts';
import { CommandChannel } from './commands/command-channel.ts';
import { MQTT_GATEWAY_ID, MqttBridge } from './transport/mqtt-bridge.ts';
import { attachSocketHandlers, sessionRoom, type HubSocketServer } from './transport/socket-server.ts';
import { installErrorHandling } from './http-errors.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { siteRoutes } from './routes/site-routes.ts';
import { readingRoutes } from './routes/reading-routes.ts';
import { ingestRoutes } from './routes/ingest-routes.ts';
import { commandRoutes } from './routes/command-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import type { RouteDeps } from './routes/context.ts';
import { createQueue } from './jobs/create-queue.ts';
import { AlarmStore } from './alarms/alarm-store.ts';
import { AlarmEngine } from './alarms/alarm-engine.ts';
import { SensorHealthMonitor } from './alarms/sensor-health.ts';
import { alarmRoutes } from './routes/alarm-routes.ts';
import { AlarmGroupStore } from './alarms/flood/alarm-group-store.ts';
import { FloodMonitor } from './alarms/flood/flood-monitor.ts';
import { alarmGroupRoutes } from './routes/alarm-group-routes.ts';
import { WebhookStore } from './notify/webhook-store.ts';
import { WebhookNotifier } from './notify/webhook-notifier.ts';
import { webhookRoutes } from './routes/webhook-routes.ts';
import { AlarmRules } from './alarms/rules/alarm-rules.ts';
import { RuleStore } from './alarms/rules/rule-store.ts';
import { alarmRuleRoutes } from './routes/alarm-rule-routes.ts';
import { alarmKpiRoutes } from './routes/alarm-kpi-routes.ts';
import { alarmResponseRoutes } from './routes/alarm-response-routes.ts';
import { GradedResponse } from './alarms/response/graded-response.ts';
import { sqlDeadlineClaims } from './alarms/response/response-claims.ts';
import { ResponsePhotoStore } from './alarms/response/response-photos.ts';
import { canSeeAlarm } from './auth/access.ts';
import { startDemoGateway, type DemoGateway } from './sites/demo-gateway.ts';
import { simRunRoutes } from './routes/sim-run-routes.ts';
import { simulatorRoutes } from './routes/simulator-routes.ts';
import { siteStatusRoutes } from './routes/site-status-routes.ts';
import { defaultSimThreads, ThreadSimExecutor } from './sim-runs/sim-executor.ts';
import { QUEUE_ADD_TIMEOUT_MS, SimRunService } from './sim-runs/sim-run-service.ts';
import { SimRunStore } from './sim-runs/sim-run-store.ts';
import { SimRunSweeper } from './sim-runs/sim-run-sweeper.ts';
import { SimRunWorker } from './sim-runs/sim-run-worker.ts';
import { simRunEvent } from './sim-runs/sim-run-event.ts';
import type { IncidentService } from './incidents/incident-service.ts';
import { startIncidentServices } from './incidents/start-incident-services.ts';
import { incidentRoutes } from './routes/incident-routes.ts';
import { startMineServices } from './mine/start-mine-services.ts';
import { mineRoutes } from './routes/mine-routes.ts';
import { gateRoutesByCaller } from './routes/auth-gate.ts';

/** Largest request body, bytes (DESIGN: oversized ingestion bodies are refused with 413). */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;
/** Where the REST API lives (DESIGN.md §4). */
const API_PREFIX = '/api/v1';
/** How often partitions are checked (created ahead, expired dropped), ms. */
const PARTITION_CHECK_MS = 60 * 60 * 1000;
const PARTITION_JOB = 'maintenance.partitions';

/** A running hub. */
export interface Hub {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  port: number;
  db: SqlClient;
  registry: SiteRegistry;
  auth: AuthService;
  ingest: IngestService;
  writer: BatchWriter;
  io: HubSocketServer;
  /** The demo gateway, when demo mode runs the simulator. */
  demoGateway: DemoGateway | null;
  /** The alarm engine (tests raise alarms through it). */
  alarmEngine: AlarmEngine;
  /** The incidents (tests and benches read them). */
  incidents: IncidentService;
  /** Stops taking requests, flushes what was accepted, closes every connection. */
  close(): Promise<void>;
}

/**
 * engine.io's own ping: generous, so a wall PC whose main thread is busy rendering is not cut
 * off for a late pong. The wall's fast "not live" detection uses the `heartbeat` event instead
 * (HEARTBEAT_EMIT_MS / LINK_SILENCE_MS in @safetwin/protocol).
 */
const ENGINE_PING_INTERVAL_MS = 5_000;
const ENGINE_PING_TIMEOUT_MS = 10_000;

/** Builds and starts a hub (HTTP + socket.io on one port, MQTT when configured). */
export async function createHub(overrides: Partial<HubOptions> = {}): Promise<Hub> {
  const options: HubOptions = { ...DEFAULT_HUB_OPTIONS, ...overrides };
  const now = options.now;
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, now, partitions: { retentionDays: options.retentionDays, daysAhead: 2 } });
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => db.close()];
  let closing: Promise<void> | null = null;
  const closeAll = () =>
    (closing ??= (async () => {
      for (const fn of [...cleanups].reverse()) await Promise.resolve().then(fn).catch(() => {});
    })());
  try {
    const auth = new AuthService(db, options.tokenTtlMs, now);
    const registry = new SiteRegistry(db);
    if (options.demo) await seedDemo(registry, auth, options.demoPassword, options.demoGatewayKey);
    await registry.load();

    const dedupe = new Deduplicator();
    for (const row of await db.orm.select().from(deviceState)) dedupe.seed(row.deviceId, Number(row.lastSeq), row.lastTs.getTime());
    const writer = new BatchWriter(db, {
      batchRows: options.writeBatchRows,
      batchDelayMs: options.writeBatchDelayMs,
      concurrency: options.writeConcurrency,
      maxPendingRows: options.maxPendingRows,
      now,
    });
    const ingest = new IngestService(registry, dedupe, writer, now);
    ingest.onListenerError = (err) => app.log.error({ err }, 'an ingest listener failed (the others still ran)');

    const app = Fastify({ bodyLimit: BODY_LIMIT_BYTES, logger: { level: options.logLevel }, disableRequestLogging: options.logLevel !== 'debug', forceCloseConnections: true }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandling(app, BODY_LIMIT_BYTES);
    app.removeContentTypeParser('text/plain'); // the API speaks JSON only: anything else is a 415
    await app.register(cors, { origin: options.corsOrigins, credentials: true });
    await app.register(swagger, {
      openapi: {
        info: { title: 'SafeTwin hub API', version: '1.0.0', description: 'Telemetry ingestion, sites, readings, commands. Errors are {error: {code, message}}.' },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
      },
      transform: jsonSchemaTransform,
    });

    const io: HubSocketServer = new Server(app.server, {
      cors: { origin: options.corsOrigins, credentials: true },
      maxHttpBufferSize: BODY_LIMIT_BYTES,
      pingInterval: ENGINE_PING_INTERVAL_MS,
      pingTimeout: ENGINE_PING_TIMEOUT_MS,
    });
    if (options.redisUrl) {
      const pub = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
      const sub = pub.duplicate();
      await Promise.all([pub.connect(), sub.connect()]);
      io.adapter(createAdapter(pub, sub, { key: `${options.redisPrefix}:socket.io` }));
      cleanups.push(() => pub.quit(), () => sub.quit());
    }

    // Each hub beats to its own sockets only (io.local): with several hubs a wall hears its own hub.
    const heartbeat = setInterval(() => io.local.emit('heartbeat', now()), HEARTBEAT_EMIT_MS);
    heartbeat.unref();
    cleanups.push(() => clearInterval(heartbeat));
    const fanout = new Fanout(io as never, registry, options.fanoutTickMs, !options.redisUrl);
    cleanups.push(() => fanout.close());
    ingest.onCommitted((siteId, readings) => fanout.push(siteId, readings));
    const alarmStore = new AlarmStore(db, (err) => app.log.error({ err }, 'storing alarm changes failed; retrying'));
    const alarmEngine = new AlarmEngine(alarmStore, (alarm) => fanout.emitAlarm(alarm), now);
    await alarmEngine.start(registry.all());
    cleanups.push(() => alarmEngine.close());
    // Floods: grouping by cause (first-out), whom each activation notifies, the alarm load per operator scope.
    const alarmGroups = new AlarmGroupStore(db, (err) => app.log.error({ err }, 'storing alarm groups failed; retrying'));
    const flood = new FloodMonitor({ engine: alarmEngine, registry, store: alarmGroups, now, emitLoad: (load, scope) => fanout.emitAlarmLoad(load, scope) });
    await flood.start();
    cleanups.push(() => flood.close());
    ingest.onValidated((readings) => alarmEngine.evaluate(readings));
    // Rate, deviation, voting, pseudo-data and adaptive limits (stored rule sets and set-points, in force at once).
    const alarmRules = await AlarmRules.start(new RuleStore(db), registry.all(), alarmEngine, now);
    cleanups.push(alarmRules.follow(5_000, (err) => app.log.error({ err }, 'reading alarm rules changed by other hubs failed')));
    ingest.onValidated((readings) => alarmRules.observe(readings));
    const health = new SensorHealthMonitor(new Map(registry.all().flatMap((s) => registry.devicesOf(s.id)).map((d) => [d.deviceId, d])), alarmEngine, now());
    ingest.onValidated((readings) => health.observe(readings, now()));
    ingest.onOutOfRange((deviceId, metric, value) => health.outOfRange(deviceId, metric, value));
    const staleTimer = setInterval(() => health.checkStale(now()), 1000);
    staleTimer.unref();
    cleanups.push(() => clearInterval(staleTimer));
    const commands = new CommandChannel(db, io as never, options.commandTimeoutMs, now);

    attachSocketHandlers(io, {
      auth,
      registry,
      ingest,
      latest: (user, siteId) => latestValues(db, registry, user, siteId),
      standingAlarms: (user, siteId) =>
        alarmEngine.list(siteId, true).filter((a) => canSeeAlarm(user, a, registry.device(a.deviceId))),
      alarmLoad: (user, siteId) => flood.loadFor(user, siteId),
    });

    if (!options.simWorker && !options.redisUrl)
      throw new Error('simWorker is off but there is no REDIS_URL: with the embedded queue no other process can compute simulation runs, so every run would fail as lost. Set REDIS_URL and run sim workers (sim-runs/worker-main.ts), or leave SAFETWIN_SIM_WORKER on');
    const queue = createQueue(options.redisUrl, options.redisPrefix, (name, err) => app.log.error({ err }, `job ${name} failed`));
    // Simulation runs: queue jobs computed on worker threads (closed after the queue, which waits for running jobs).
    // A computing hub keeps one thread warm with the engine loaded: the first run starts at once.
    const simThreads = options.simThreads ?? defaultSimThreads();
    const warmThreads = options.simWorker ? options.simWarmThreads : 0;
    const simExecutor = new ThreadSimExecutor(simThreads, warmThreads);
    if (warmThreads > 0) simExecutor.warm().catch((err: unknown) => app.log.error({ err }, 'warming a simulation thread failed'));
    cleanups.push(() => simExecutor.close(), () => queue.close());
    // Graded response (level 1 ESD shutdown, level 2/3 deadlines): closed before the queue. Webhooks subscribe with gradedResponse.onEvent.
    const gradedResponse = new GradedResponse({ engine: alarmEngine, site: (id) => registry.site(id), commands, queue, ingest, now, commandTimeoutMs: options.commandTimeoutMs, onError: (err) => app.log.error({ err }, 'graded alarm response failed'), claims: options.redisUrl ? sqlDeadlineClaims(db) : undefined }).start();
    cleanups.push(() => gradedResponse.close());
    // Webhooks to enterprise systems: signed deliveries as queue jobs with retries (stopped before the queue).
    const webhookStore = new WebhookStore(db);
    const webhooks = new WebhookNotifier({ store: webhookStore, queue, now, scopesOf: (a) => flood.scopesOf(a), onError: (err) => app.log.error({ err }, 'webhook delivery failed'), options: { allowPrivate: options.webhookAllowPrivate } });
    await webhooks.start();
    flood.onNotice((notice) => webhooks.onNotice(notice));
    gradedResponse.onEvent((event) => webhooks.onResponseEvent(event));
    cleanups.push(() => webhooks.close());
    // Incidents (issue 6): created from gas alarms or declared, assessed on the sim threads, the response carried out.
    const incidentServices = await startIncidentServices({
      db, registry, ingest, commands, engine: alarmEngine, webhooks, executor: simExecutor, emit: (incident, previous) => fanout.emitIncident(incident, previous), now,
      onError: (err) => app.log.error({ err }, 'incident handling failed'), commandTimeoutMs: options.commandTimeoutMs, reassessEveryMs: options.incidentReassessMs,
      // The demo simulator plays the demo sites' valves: a drill there commands them (see the actions' README section).
      simulatedSite: (siteId) => options.demo && options.simulator && getDemoSite(siteId) !== undefined,
    });
    cleanups.push(() => incidentServices.close());
    const incidents = incidentServices.service;
    // The mine (issue 7): UWB ranges → positions, the methane power-cut interlock, withdrawal and escape.
    const mine = await startMineServices({ db, registry, ingest, commands, engine: alarmEngine, now, interlock: options.mineInterlock, onError: (err) => app.log.error({ err }, 'mine service failed') });
    cleanups.push(() => mine.close());
    // Intake starts only now, every consumer (graded response, webhooks, flood notices) wired: a persistent session's backlog is heard.
    let mqtt: MqttBridge | null = null;
    if (options.mqttUrl) {
      const mqttGatewayNum = await auth.channelGateway(MQTT_GATEWAY_ID, 'MQTT broker channel');
      const clientId = options.mqttClientId ?? `safetwin-hub-${hostname()}-${options.port}`;
      mqtt = new MqttBridge({ url: options.mqttUrl, shareGroup: options.mqttShareGroup, clientId, persistentSession: options.mqttPersistentSession }, ingest, mqttGatewayNum);
      const bridge = mqtt;
      cleanups.push(() => bridge.close());
      await mqtt.start();
      commands.useMqtt(mqtt.sendCommand);
    }
    // Catch-up after the notifiers listen and commands can reach MQTT gateways: ESD resumed/commanded, deadlines re-armed or opened.
    gradedResponse.ready();
    const simStore = new SimRunStore(db);
    // Everyone watching the site: its room and its enterprises' rooms (officers may read runs); large results left out.
    const emitSimRun = (run: SimRunView) => fanout.emitSiteWide(run.siteId, 'sim-run', simRunEvent(run));
    const onSimError = (err: unknown) => app.log.error({ err }, 'sim run bookkeeping failed');
    const simWorker = new SimRunWorker({
      store: simStore, executor: simExecutor, emit: emitSimRun, now, onError: onSimError, leaseMs: options.simLeaseMs, runTimeoutMs: options.simRunTimeoutMs,
    });
    if (options.simWorker) simWorker.attach(queue, simThreads);
    const simRuns = new SimRunService({
      db, registry, store: simStore, queue, executor: simExecutor, worker: simWorker, emit: emitSimRun, now,
      maxReplays: options.simMaxReplays, replayTimeoutMs: options.simReplayTimeoutMs,
      maxActiveRunsPerSite: options.simMaxActiveRunsPerSite, inputLimits: options.simInputLimits,
    });
    await simRuns.recover();
    const simSweeper = new SimRunSweeper({
      store: simStore, queue, emit: emitSimRun, onError: onSimError, everyMs: options.simSweepMs,
      // A job's add may answer up to QUEUE_ADD_TIMEOUT_MS late; a worker holds the lease for simLeaseMs.
      queuedGraceMs: Math.max(options.simLeaseMs, QUEUE_ADD_TIMEOUT_MS),
      // A run started by an older worker (no lease written) may compute for the run time limit.
      legacyLeaseMs: Math.max(options.simLeaseMs, options.simRunTimeoutMs),
    });
    simSweeper.start();
    cleanups.push(() => simSweeper.close());

    const startedAt = now();
    const deps: RouteDeps = {
      db,
      auth,
      registry,
      ingest,
      commands,
      endSession: (token) => io.in(sessionRoom(token)).disconnectSockets(true),
      health: () => ({
        version: '0.1.0',
        uptimeS: Math.round((now() - startedAt) / 1000),
        demo: options.demo,
        queue: queue.kind,
        socketAdapter: options.redisUrl ? 'redis' : 'memory',
        mqtt: mqtt ? (mqtt.connected ? 'connected' : 'disconnected') : 'off',
        sites: registry.all().length,
        ingest: { ...ingest.stats, backlogRows: writer.backlogRows, batches: writer.stats.batches, writeFailures: writer.stats.failures },
        fanout: { ...fanout.stats, sockets: io.engine.clientsCount },
        alarms: { ...alarmEngine.stats, standing: alarmEngine.list(null, true).length, stored: alarmStore.stats.written, storeFailures: alarmStore.stats.failures },
        positioning: mine.positioning.stats,
        // Webhook deliveries (fire-brigade briefs among them) given up after every retry since start: someone must call.
        webhooks: { gaveUp: webhooks.gaveUp },
      }),
    };
    await app.register(
      async (api) => {
        gateRoutesByCaller(api, deps, API_PREFIX);
        const zapi = api.withTypeProvider<ZodTypeProvider>();
        healthRoutes(zapi, deps);
        authRoutes(zapi, deps);
        siteRoutes(zapi, deps);
        siteStatusRoutes(zapi, deps, alarmEngine, now);
        readingRoutes(zapi, deps, now);
        ingestRoutes(zapi, deps);
        commandRoutes(zapi, deps);
        alarmKpiRoutes(zapi, deps, alarmEngine, now); // before /alarms/:id (a static path wins anyway)
        alarmRoutes(zapi, deps, alarmEngine, now);
        alarmGroupRoutes(zapi, deps, { engine: alarmEngine, flood, groups: alarmGroups });
        webhookRoutes(zapi, deps, webhookStore, webhooks, now);
        alarmRuleRoutes(zapi, deps, alarmRules);
        alarmResponseRoutes(zapi, deps, alarmEngine, gradedResponse.deadlines, new ResponsePhotoStore(db, now), now);
        simRunRoutes(zapi, deps, simRuns);
        incidentRoutes(zapi, deps, { service: incidents, actions: incidentServices.actions });
        mineRoutes(zapi, deps, mine);
        simulatorRoutes(zapi, deps, () => demoGateway);
        zapi.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      },
      { prefix: API_PREFIX },
    );

    // Partition upkeep is a repeatable job: with BullMQ it runs once per cluster, not once per hub.
    queue.process(PARTITION_JOB, async () => maintainPartitions(db, now(), { retentionDays: options.retentionDays, daysAhead: 2 }));
    await queue.repeat(PARTITION_JOB, PARTITION_CHECK_MS);

    // Stop order on close (the reverse of registration): demo gateway, MQTT, sockets and
    // HTTP stop taking data; the writer commits what was accepted; then Redis and the DB.
    cleanups.push(() => writer.drain());
    await app.listen({ port: options.port, host: options.host });
    cleanups.push(() => app.close());
    cleanups.push(() => {
      io.local.disconnectSockets(true);
      io.engine.close();
    });
    // MQTT stops before the sockets and HTTP (it was registered earlier, so it would close later): stop its intake first.
    if (mqtt) {
      const bridge = mqtt;
      cleanups.push(() => bridge.pause());
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://127.0.0.1:${port}`;

    let demoGateway: DemoGateway | null = null;
    if (options.demo && options.simulator) {
      demoGateway = await startDemoGateway(url, options.demoGatewayKey, registry.all(), app.log);
      const gateway = demoGateway;
      cleanups.push(() => gateway.stop());
    }
    return { url, port, db, registry, auth, ingest, writer, io, demoGateway, alarmEngine, incidents, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
