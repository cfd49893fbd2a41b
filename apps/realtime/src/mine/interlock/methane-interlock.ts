import type { SqlClient } from '@safetwin/db';
import type { AlarmView, CommandRecord, CommandRequest, InterlockLogEntry, LiveReading, MachineCommandView, SitePowerView } from '@safetwin/protocol';
import {
  applyInterlockEvent, createInterlockState, heldMachines, indexInterlock, interlockTable, isNewerReading, markReadingTime, staleSensors,
  type CoalMine, type InterlockDecision, type InterlockEvent, type InterlockIndex, type InterlockState, type InterlockTable,
  type MineEquipment, type SensorFault, type Site,
} from '@safetwin/twin-models';
import type { AlarmPoint } from '../../alarms/alarm-engine.ts';
import { PowerFeedback, POWER_CONFIRM_TIMEOUT_MS } from './power-feedback.ts';

/** Who the command records and the audit trail name for interlock commands. */
export const INTERLOCK_ACTOR = 'system:interlock';
/** The level-1 alarm kind raised on a machine whose cut is not confirmed by its feedback. */
export const POWER_CUT_FAILED_KIND = 'power-cut-failed';
/** Cuts and restores kept per mine for the power view. */
const LOG_SIZE = 200;

/** Sends a field command and resolves with its outcome (the hub's CommandChannel). */
export interface PowerCommander {
  send(request: CommandRequest, issuedBy: string): Promise<CommandRecord>;
}

/** What the interlock needs from the hub. */
export interface MethaneInterlockDeps {
  /** Every site (mines are picked out). */
  sites: readonly Site[];
  ingest: {
    onValidated(listener: (readings: LiveReading[]) => void): void;
    onOutOfRange(listener: (deviceId: string, metric: string, value: number) => void): void;
  };
  commands: PowerCommander;
  engine: { setCondition(point: AlarmPoint, active: boolean, value: number | null): void; list(siteId: string | null, onlyActive: boolean): AlarmView[] };
  /** Where interlock commands of an earlier run are read back from (the `commands` table); without it a restart starts clear. */
  db?: SqlClient;
  now: () => number;
  onError: (err: unknown) => void;
  /** How long the `powered` feedback may take to confirm a cut, ms. @defaultValue {@link POWER_CONFIRM_TIMEOUT_MS} (5 s) */
  confirmTimeoutMs?: number;
  /** How often silent sensors are looked for, ms. @defaultValue 1000 */
  staleCheckMs?: number;
}

/** A cut decided by the interlock, told to listeners (the withdrawal service). */
export interface InterlockCutEvent {
  siteId: string;
  sensorId: string;
  /** Roadway of the sensor (the source of the gas) and of the machines in its range. */
  sensorRoadwayId: string | null;
  rangeRoadwayIds: string[];
  entry: InterlockLogEntry;
}

interface Mine {
  site: CoalMine;
  table: InterlockTable;
  index: InterlockIndex;
  state: InterlockState;
  operatorId: string | null;
  equipment: Map<string, MineEquipment>;
  lastHeard: Map<string, number>;
  lastValue: Map<string, number>;
  faults: Map<string, SensorFault>;
  commands: Map<string, MachineCommandView>;
  /** Power device ids with a standing power-cut-failed alarm. */
  failed: Set<string>;
  log: InterlockLogEntry[];
}

/**
 * The methane power-cut interlock in the hub (issue 7): every CH4 reading goes through the pure
 * interlock logic (twin-models `applyInterlockEvent`: cut at ≥ the cut level, restore only below
 * the restore level once no cutting sensor holds the machine, a stale or out-of-range sensor cuts
 * fail-safe); each decision becomes `power.cut` / `power.restore` commands through the command
 * channel (recorded there with `issuedBy: system:interlock` and the reason: sensor, reading,
 * set-point); each cut must be confirmed by the machine's `powered` feedback within
 * {@link POWER_CONFIRM_TIMEOUT_MS}, else a level-1 `power-cut-failed` alarm stands on the machine
 * until it reports cut (as the graded response's `shutdown-failed` on ESD valves). A sensor is
 * judged stale only once it was heard since this hub started (a starting hub does not cut a whole
 * mine; the underground outstations hold their own local interlock meanwhile).
 */
export class MethaneInterlock {
  private readonly mines = new Map<string, Mine>();
  private readonly bySensor = new Map<string, Mine>();
  private readonly byPowerDevice = new Map<string, Mine>();
  private readonly feedback: PowerFeedback;
  private readonly cutListeners: ((e: InterlockCutEvent) => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly startedAt: number;
  /** Set by {@link close}: confirmation waits settled by the shutdown are no failed cuts, and no alarm is raised or cleared any more. */
  private closed = false;

  constructor(private readonly deps: MethaneInterlockDeps) {
    this.feedback = new PowerFeedback(deps.confirmTimeoutMs ?? POWER_CONFIRM_TIMEOUT_MS);
    this.startedAt = deps.now();
    for (const site of deps.sites) {
      if (site.kind !== 'coal-mine') continue;
      const table = interlockTable(site);
      const mine: Mine = {
        site, table, index: indexInterlock(table), state: createInterlockState(), operatorId: site.enterprises[0]?.id ?? null,
        equipment: new Map(site.equipment.map((e) => [e.id, e])), lastHeard: new Map(), lastValue: new Map(), faults: new Map(),
        commands: new Map(), failed: new Set(), log: [],
      };
      this.mines.set(site.id, mine);
      for (const s of table.sensors) this.bySensor.set(s.sensorId, mine);
      for (const e of site.equipment) this.byPowerDevice.set(e.deviceId, mine);
    }
  }

  /**
   * Reads back what an earlier run left (machines whose latest interlock command was a cut are
   * held by every sensor whose range holds them, until those read below their restore level;
   * standing power-cut-failed alarms), then listens to the ingest and looks for silent sensors.
   */
  async start(): Promise<this> {
    await this.recover();
    this.deps.ingest.onValidated((readings) => this.observe(readings));
    this.deps.ingest.onOutOfRange((deviceId, metric, value) => {
      if (metric === 'ch4_pct' && this.bySensor.has(deviceId)) this.apply(this.bySensor.get(deviceId)!, { kind: 'fault', sensorId: deviceId, fault: 'out-of-range', valuePct: value, atMs: this.deps.now() });
    });
    this.timer = setInterval(() => this.checkStale(), this.deps.staleCheckMs ?? 1000);
    this.timer.unref();
    return this;
  }

  /** Told of every cut the interlock decides (after its commands are under way). */
  onCut(listener: (e: InterlockCutEvent) => void): void {
    this.cutListeners.push(listener);
  }

  /**
   * Readings from the ingest: CH4 of the interlock's sensors, `powered` of the mines' machines. O(1)
   * per reading. A CH4 reading measured at or before the newest one of its sensor (a late
   * store-and-forward batch, a retry) is ignored: it neither decides nor counts as the sensor
   * being heard.
   */
  observe(readings: readonly LiveReading[]): void {
    const now = this.deps.now();
    for (const r of readings) {
      const mine = this.bySensor.get(r.deviceId);
      const v = r.values.ch4_pct;
      if (!mine || v === undefined || !isNewerReading(mine.state, r.deviceId, r.ts)) continue;
      mine.lastHeard.set(r.deviceId, now);
      mine.lastValue.set(r.deviceId, v);
      this.apply(mine, { kind: 'reading', sensorId: r.deviceId, valuePct: v, atMs: r.ts });
    }
    this.feedback.observe(readings, (id) => this.byPowerDevice.has(id));
    for (const r of readings) {
      const mine = this.byPowerDevice.get(r.deviceId);
      if (mine?.failed.has(r.deviceId) && r.values.powered !== undefined && r.values.powered < 0.5) this.clearFailed(mine, r.deviceId, 0);
    }
  }

  /** Sensors silent for three intervals since they were last heard: a fault that cuts their range. */
  checkStale(): void {
    const now = this.deps.now();
    for (const mine of this.mines.values()) {
      for (const sensorId of staleSensors(mine.table, mine.lastHeard, this.startedAt, now)) {
        if (!mine.lastHeard.has(sensorId)) continue;
        this.apply(mine, { kind: 'fault', sensorId, fault: 'stale', valuePct: null, atMs: now });
      }
    }
  }

  /** The power state of a mine (GET /sites/:id/power), null for another site. */
  power(siteId: string): SitePowerView | null {
    const mine = this.mines.get(siteId);
    if (!mine) return null;
    const held = heldMachines(mine.index, mine.state);
    return {
      siteId,
      at: this.deps.now(),
      machines: mine.site.equipment.map((e) => {
        const report = this.feedback.report(e.deviceId);
        const heldBy = held.get(e.id) ?? [];
        return {
          equipmentId: e.id, deviceId: e.deviceId, name: e.name, kind: e.kind, roadwayId: e.roadwayId, intrinsicallySafe: e.intrinsicallySafe,
          remotePowerControl: e.remotePowerControl, powered: report?.powered ?? null, reportedAt: report?.ts ?? null, heldBy,
          cutLocally: heldBy.length > 0 && !e.remotePowerControl, command: mine.commands.get(e.id) ?? null, cutFailed: mine.failed.has(e.deviceId),
        };
      }),
      sensors: mine.table.sensors.map((s) => ({
        sensorId: s.sensorId, placement: s.placement, roadwayId: s.roadwayId, alarmPct: s.alarmPct, cutAtPct: s.cutAtPct, restoreBelowPct: s.restoreBelowPct,
        rangeEquipmentIds: s.rangeEquipmentIds, valuePct: mine.lastValue.get(s.sensorId) ?? null, heardAt: mine.lastHeard.get(s.sensorId) ?? null,
        cutting: mine.state.cutting.has(s.sensorId), fault: mine.state.cutting.get(s.sensorId)?.fault ?? null,
      })),
      log: [...mine.log].reverse(),
    };
  }

  /** Stops the stale check and every confirmation wait; raises and clears no alarm from now on. */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.feedback.close();
  }

  private apply(mine: Mine, event: InterlockEvent): void {
    const decision = applyInterlockEvent(mine.index, mine.state, event);
    if (decision) this.act(mine, decision);
  }

  private act(mine: Mine, d: InterlockDecision): void {
    const cut = d.cut.length > 0 || d.cutManually.length > 0;
    const entry: InterlockLogEntry = {
      at: this.deps.now(), action: cut ? 'cut' : 'restore', sensorId: d.reason.sensorId, kind: d.reason.kind, fault: d.reason.fault,
      readingPct: d.reason.readingPct, setpointPct: d.reason.setpointPct, readingAt: d.reason.atMs,
      equipmentIds: cut ? d.cut : d.restore, manualEquipmentIds: d.cutManually,
    };
    mine.log.push(entry);
    if (mine.log.length > LOG_SIZE) mine.log.splice(0, mine.log.length - LOG_SIZE);
    const why = reasonText(d);
    for (const id of entry.equipmentIds) void this.command(mine, id, cut ? 'power.cut' : 'power.restore', why).catch(this.deps.onError);
    if (!cut) {
      for (const id of d.restore) {
        const e = mine.equipment.get(id);
        if (e && mine.failed.has(e.deviceId)) this.clearFailed(mine, e.deviceId, null);
      }
      return;
    }
    const sensor = mine.index.sensor.get(d.reason.sensorId)!;
    const rangeRoadwayIds = [...new Set([...d.cut, ...d.cutManually].map((id) => mine.equipment.get(id)?.roadwayId).filter((r): r is string => !!r))];
    const event: InterlockCutEvent = { siteId: mine.site.id, sensorId: sensor.sensorId, sensorRoadwayId: sensor.roadwayId, rangeRoadwayIds, entry };
    for (const l of this.cutListeners) {
      try {
        l(event);
      } catch (err) {
        this.deps.onError(err);
      }
    }
  }

  /** Commands one machine and follows its feedback; a cut not confirmed raises the level-1 alarm. */
  private async command(mine: Mine, equipmentId: string, action: 'power.cut' | 'power.restore', reason: string): Promise<void> {
    const e = mine.equipment.get(equipmentId);
    if (!e) return;
    const goal = action === 'power.cut' ? 0 : 1;
    const view: MachineCommandView = { action, commandId: null, state: 'sent', issuedAt: this.deps.now(), confirmedAt: null, failure: null };
    mine.commands.set(equipmentId, view);
    const confirmed = this.feedback.expect(e.deviceId, goal, view.issuedAt);
    let record: CommandRecord;
    try {
      record = await this.deps.commands.send({ siteId: mine.site.id, deviceId: e.deviceId, action, reason }, INTERLOCK_ACTOR);
    } catch (err) {
      this.deps.onError(err);
      record = { id: '', siteId: mine.site.id, deviceId: e.deviceId, action, state: 'timeout', issuedBy: INTERLOCK_ACTOR, issuedAt: view.issuedAt, ackedAt: null, message: `command not sent (${err instanceof Error ? err.message : String(err)})` };
    }
    view.commandId = record.id || null;
    view.state = record.state;
    if (record.state !== 'acknowledged') {
      view.failure = `command ${record.state}${record.message ? ` (${record.message})` : ''}`;
      if (mine.commands.get(equipmentId) === view) this.feedback.cancel(e.deviceId);
    }
    const ok = await confirmed;
    if (mine.commands.get(equipmentId) !== view) return; // superseded by a newer command
    if (ok) {
      view.confirmedAt = this.deps.now();
      view.failure = null;
      return;
    }
    view.failure ??= `no ${goal === 0 ? 'cut' : 'powered'} feedback within ${(this.deps.confirmTimeoutMs ?? POWER_CONFIRM_TIMEOUT_MS) / 1000} s`;
    if (goal === 0 && heldMachines(mine.index, mine.state).has(equipmentId)) this.raiseFailed(mine, e);
  }

  private pointOf(mine: Mine, deviceId: string): AlarmPoint {
    return { siteId: mine.site.id, deviceId, enterpriseId: mine.operatorId, metric: 'powered', kind: POWER_CUT_FAILED_KIND, level: 1, priority: 'high', setpoint: 0 };
  }

  private raiseFailed(mine: Mine, e: MineEquipment): void {
    if (this.closed) return; // a wait settled by close(), not a cut the field failed
    mine.failed.add(e.deviceId);
    this.deps.engine.setCondition(this.pointOf(mine, e.deviceId), true, this.feedback.report(e.deviceId)?.powered ?? null);
  }

  private clearFailed(mine: Mine, deviceId: string, value: number | null): void {
    if (this.closed) return;
    mine.failed.delete(deviceId);
    this.deps.engine.setCondition(this.pointOf(mine, deviceId), false, value);
  }

  /**
   * Takes over standing power-cut-failed alarms and the machines an earlier run left cut. The
   * sensors holding a recovered cut take readings measured after the cut command only: a late
   * reading older than the cut cannot release it.
   */
  private async recover(): Promise<void> {
    for (const a of this.deps.engine.list(null, true)) {
      const mine = this.mines.get(a.siteId);
      if (mine && a.kind === POWER_CUT_FAILED_KIND && a.processActive) mine.failed.add(a.deviceId);
    }
    if (!this.deps.db) return;
    const rows = await this.deps.db.query<{ site_id: string; device_id: string; action: string; issued_at: Date | string }>(
      `SELECT DISTINCT ON (device_id) site_id, device_id, action, issued_at FROM commands WHERE issued_by = $1 ORDER BY device_id, issued_at DESC`,
      [INTERLOCK_ACTOR],
    );
    for (const row of rows) {
      const mine = this.mines.get(row.site_id);
      if (!mine || row.action !== 'power.cut') continue;
      const equipmentId = mine.site.equipment.find((e) => e.deviceId === row.device_id)?.id;
      const atMs = new Date(row.issued_at).getTime();
      for (const sensorId of equipmentId ? (mine.index.holders.get(equipmentId) ?? []) : []) {
        markReadingTime(mine.state, sensorId, atMs);
        if (mine.state.cutting.has(sensorId)) continue;
        mine.state.cutting.set(sensorId, { sensorId, kind: 'level', fault: null, readingPct: null, setpointPct: mine.index.sensor.get(sensorId)!.cutAtPct!, atMs });
      }
    }
  }
}

/** The reason recorded with a command: sensor, reading, set-point. */
function reasonText(d: InterlockDecision): string {
  const r = d.reason;
  const reading = r.readingPct === null ? 'no reading' : `${r.readingPct} %vol CH4`;
  if (r.kind === 'restore-level') return `methane interlock: ${r.sensorId} ${reading} < restore ${r.setpointPct} %vol`;
  if (r.kind === 'sensor-fault') return `methane interlock: ${r.sensorId} failed (${r.fault}, ${reading}): fail-safe cut (cut level ${r.setpointPct} %vol)`;
  return `methane interlock: ${r.sensorId} ${reading} ≥ cut ${r.setpointPct} %vol`;
}
