import { DEFAULT_SIM_INPUT_LIMITS, type SimInputLimits } from './sim-runs/sim-input-limits.ts';

/** How a hub is built. Every field has a default that works on a laptop. */
export interface HubOptions {
  /** TCP port for HTTP and socket.io; 0 picks a free one (tests). @defaultValue 4000 */
  port: number;
  /** Interface to listen on. @defaultValue '0.0.0.0' */
  host: string;
  /** PostgreSQL URL; absent → embedded PGlite. */
  databaseUrl: string | undefined;
  /** PGlite data folder; absent with no URL → in memory (tests only). @defaultValue './.data/pglite' from main.ts */
  dataDir: string | undefined;
  /** Redis URL: BullMQ queue and socket.io Redis adapter; absent → in-process queue, single hub. */
  redisUrl: string | undefined;
  /** Key prefix for everything the hub keeps in Redis (tests use a unique one). @defaultValue 'safetwin' */
  redisPrefix: string;
  /** MQTT broker URL (e.g. mqtt://127.0.0.1:1883); absent → no MQTT ingestion or commands. */
  mqttUrl: string | undefined;
  /** MQTT shared-subscription group, so several hubs share the telemetry; '' for brokers without `$share`. @defaultValue 'safetwin-hub' */
  mqttShareGroup: string;
  /** MQTT client id, stable per hub so its persistent session survives restarts. @defaultValue `safetwin-hub-${hostname}-${port}` */
  mqttClientId: string | undefined;
  /** Keep an MQTT persistent session (unacknowledged telemetry waits in the broker). @defaultValue true */
  mqttPersistentSession: boolean;
  /** Demo mode: seeds the demo sites, accounts and gateway key. Off in production. @defaultValue false */
  demo: boolean;
  /** Password of the demo accounts. @defaultValue 'safetwin-demo' */
  demoPassword: string;
  /** Gateway key of the demo gateway (the simulator). @defaultValue 'demo-gateway-key' */
  demoGatewayKey: string;
  /** Start the demo sensor simulator (demo mode only). @defaultValue true with demo */
  simulator: boolean;
  /** Fan-out tick: readings are batched per site for at most this long, ms. @defaultValue 100 */
  fanoutTickMs: number;
  /** Group commit: a batch is written when it holds this many rows… @defaultValue 20000 */
  writeBatchRows: number;
  /** …or when its first row has waited this long, ms. @defaultValue 25 */
  writeBatchDelayMs: number;
  /** Batches written at once (PostgreSQL; PGlite always 1). @defaultValue 3 */
  writeConcurrency: number;
  /** Rows waiting for the database above which ingestion answers 503 (back-pressure). @defaultValue 500000 */
  maxPendingRows: number;
  /** How long a command waits for a gateway's acknowledgement, ms. @defaultValue 5000 */
  commandTimeoutMs: number;
  /** Lifetime of a login token, ms. @defaultValue 12 h */
  tokenTtlMs: number;
  /** Browser origins allowed to call the API and socket.io. @defaultValue localhost/127.0.0.1:3000 */
  corsOrigins: string[];
  /** Days of readings kept. @defaultValue 365 */
  retentionDays: number;
  /** Work on `sim.run` jobs in this hub (off: only remote workers compute; replays still run here). @defaultValue true */
  simWorker: boolean;
  /** Worker threads for simulation runs and replays. @defaultValue min(4, cores − 1) */
  simThreads: number | undefined;
  /** Threads kept started with the engine loaded when this hub computes runs (a cold thread takes ~1 s to start). @defaultValue 1 */
  simWarmThreads: number;
  /** Lease of a computing run, renewed every 200 ms; a run not renewed for this long is failed by any hub's sweep, ms. @defaultValue 15000 */
  simLeaseMs: number;
  /** Period of each hub's sweep for lost runs (expired leases, queued runs no queue holds), ms. @defaultValue 5000 */
  simSweepMs: number;
  /** Replays one hub computes at once; more are answered 429. @defaultValue 2 */
  simMaxReplays: number;
  /** A replay still computing after this is stopped and answered 504, ms. @defaultValue 120000 */
  simReplayTimeoutMs: number;
  /** A run computing longer than this is stopped and failed ("took longer than N s"), ms. @defaultValue 600000 */
  simRunTimeoutMs: number;
  /** Unfinished (queued or running) runs one site may have; one more is answered 429 `sim:busy`. @defaultValue 8 */
  simMaxActiveRunsPerSite: number;
  /** Longest lists one scenario may carry (receptors, rate steps, thresholds, series times); longer is a 400. @defaultValue DEFAULT_SIM_INPUT_LIMITS */
  simInputLimits: SimInputLimits;
  /** Let webhooks post to loopback, private (RFC 1918, fc00::/7), link-local, CGNAT, multicast or the hub's own addresses (closed networks, tests); off, such hooks are refused. @defaultValue false */
  webhookAllowPrivate: boolean;
  /** How often an open incident is assessed again (also at once when an alarm joins), ms. @defaultValue 10000 */
  incidentReassessMs: number;
  /**
   * The hub's methane power-cut interlock (煤矿安全规程 set-points). Turn it off only where the mine's own
   * monitoring substations cut the power themselves (the hub then only shows their state), or in tests
   * that drive an interlock of their own. @defaultValue true
   */
  mineInterlock: boolean;
  /** Clock, epoch ms (tests move it). @defaultValue Date.now */
  now: () => number;
  /** Log level for the HTTP server (pino). @defaultValue 'info' */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

/** The defaults, for a laptop. */
export const DEFAULT_HUB_OPTIONS: HubOptions = {
  port: 4000,
  host: '0.0.0.0',
  databaseUrl: undefined,
  dataDir: undefined,
  redisUrl: undefined,
  redisPrefix: 'safetwin',
  mqttUrl: undefined,
  mqttShareGroup: 'safetwin-hub',
  mqttClientId: undefined,
  mqttPersistentSession: true,
  demo: false,
  demoPassword: 'safetwin-demo',
  demoGatewayKey: 'demo-gateway-key',
  simulator: true,
  fanoutTickMs: 100,
  writeBatchRows: 20_000,
  writeBatchDelayMs: 25,
  writeConcurrency: 3,
  maxPendingRows: 500_000,
  commandTimeoutMs: 5_000,
  tokenTtlMs: 12 * 60 * 60 * 1000,
  corsOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
  retentionDays: 365,
  simWorker: true,
  simThreads: undefined,
  simWarmThreads: 1,
  simLeaseMs: 15_000,
  simSweepMs: 5_000,
  simMaxReplays: 2,
  simReplayTimeoutMs: 120_000,
  simRunTimeoutMs: 600_000,
  simMaxActiveRunsPerSite: 8,
  simInputLimits: DEFAULT_SIM_INPUT_LIMITS,
  webhookAllowPrivate: false,
  incidentReassessMs: 10_000,
  mineInterlock: true,
  now: Date.now,
  logLevel: 'info',
};

/** Reads the options from the environment (see .env.example); unset variables keep their defaults. */
export function hubOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<HubOptions> {
  const flag = (v: string | undefined) => (v === undefined ? undefined : !['0', 'off', 'false', 'no'].includes(v.toLowerCase()));
  const int = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number.parseInt(v, 10));
  const options: Partial<HubOptions> = {
    port: int(env.PORT),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || undefined,
    redisUrl: env.REDIS_URL || undefined,
    mqttUrl: env.MQTT_URL || undefined,
    mqttShareGroup: env.SAFETWIN_MQTT_SHARE_GROUP,
    mqttClientId: env.SAFETWIN_MQTT_CLIENT_ID || undefined,
    demo: flag(env.SAFETWIN_DEMO),
    demoPassword: env.SAFETWIN_DEMO_PASSWORD || undefined,
    demoGatewayKey: env.SAFETWIN_DEMO_GATEWAY_KEY || undefined,
    simulator: flag(env.SAFETWIN_SIMULATOR),
    corsOrigins: env.SAFETWIN_CORS_ORIGINS ? env.SAFETWIN_CORS_ORIGINS.split(',').map((s) => s.trim()) : undefined,
    retentionDays: int(env.SAFETWIN_RETENTION_DAYS),
    simWorker: flag(env.SAFETWIN_SIM_WORKER),
    simThreads: int(env.SAFETWIN_SIM_THREADS),
    simWarmThreads: int(env.SAFETWIN_SIM_WARM_THREADS),
    simLeaseMs: int(env.SAFETWIN_SIM_LEASE_MS),
    simSweepMs: int(env.SAFETWIN_SIM_SWEEP_MS),
    simRunTimeoutMs: int(env.SAFETWIN_SIM_RUN_TIMEOUT_MS),
    simMaxActiveRunsPerSite: int(env.SAFETWIN_SIM_MAX_ACTIVE_RUNS_PER_SITE),
    webhookAllowPrivate: flag(env.SAFETWIN_WEBHOOK_ALLOW_PRIVATE),
    incidentReassessMs: int(env.SAFETWIN_INCIDENT_REASSESS_MS),
    mineInterlock: flag(env.SAFETWIN_MINE_INTERLOCK),
    simMaxReplays: int(env.SAFETWIN_SIM_MAX_REPLAYS),
    simReplayTimeoutMs: int(env.SAFETWIN_SIM_REPLAY_TIMEOUT_MS),
    logLevel: (env.LOG_LEVEL as HubOptions['logLevel']) || undefined,
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<HubOptions>;
}
