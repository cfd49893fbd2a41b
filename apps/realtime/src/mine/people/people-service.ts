import type { SqlClient } from '@safetwin/db';
import type {
  AlarmView, AttendanceRecord, AttendanceView, CommandRecord, CommandRequest, LiveReading, PageTarget, PageView, PersonPlaceView, SiteRoofView, TrajectoryView, ZoneView,
} from '@safetwin/protocol';
import { locateOnRoadways, type CoalMine, type Enu, type Miner, type PersonnelZone, type Site } from '@safetwin/twin-models';
import type { AlarmPoint } from '../../alarms/alarm-engine.ts';
import { sendTagPage } from '../tag-page.ts';
import { SURFACE_UP_M } from '../withdrawal/withdrawal-service.ts';
import { AttendanceStore } from './attendance-store.ts';
import { PageBook } from './page-book.ts';
import { peopleAlarmPoint, placeText, type PeopleAlarmKind } from './people-alarms.ts';
import { readRoof } from './roof-view.ts';
import { readTrajectory } from './trajectory.ts';
import { workAreas } from './work-area.ts';
import { ZoneSettingsStore } from './zone-settings-store.ts';

/**
 * Longest time underground before the overtime alarm, ms: an 8 h shift (三八制, the usual
 * shift of Chinese coal mines) plus 2 h for the ride, the walk in and out and the hand-over.
 */
export const OVERTIME_LIMIT_MS = 10 * 3_600_000;
/** A person must stay this long (sensor time) in a restricted zone before it alarms: a fix snapped across a junction is not an entry, ms. */
export const RESTRICTED_DWELL_MS = 10_000;
/** A person must stay this long out of their work area and way in/out before the abnormal-route advisory, ms (an errand's crossing is not one). */
export const ABNORMAL_ROUTE_DWELL_MS = 5 * 60_000;
/** How often overtime and headcounts are judged without readings, ms. */
const CHECK_INTERVAL_MS = 10_000;
/** Who the dispatcher's page commands name besides the user: the records say `page:<user>`. */
const PAGE_ACTOR_PREFIX = 'page:';

/** What the people service needs from the hub. */
export interface PeopleServiceDeps {
  db: SqlClient;
  sites: readonly Site[];
  ingest: { onValidated(listener: (readings: LiveReading[]) => void): void };
  commands: { send(request: CommandRequest, issuedBy: string): Promise<CommandRecord> };
  engine: {
    setCondition(point: AlarmPoint, active: boolean, value: number | null, reason?: string | null): void;
    isActive(point: Pick<AlarmPoint, 'siteId' | 'deviceId' | 'metric' | 'kind'>): boolean;
    list(siteId: string | null, onlyActive: boolean): AlarmView[];
  };
  /** The storage number of a device (the readings table). */
  deviceNum: (deviceId: string) => number;
  /** Whether a person has a withdrawal order (then leaving the work area is no abnormal route). */
  hasOrder: (siteId: string, personId: string) => boolean;
  now: () => number;
  onError: (err: unknown) => void;
  /** @defaultValue {@link OVERTIME_LIMIT_MS} */
  overtimeLimitMs?: number;
}

interface Track {
  miner: Miner;
  ts: number | null;
  position: Enu | null;
  underground: boolean | null;
  roadwayId: string | null;
  chainageM: number | null;
  stay: AttendanceRecord | null;
  /** Last position underground (for the shaft of the way up). */
  lastBelow: Enu | null;
  restricted: { zoneId: string; since: number } | null;
  offAreaSince: number | null;
}

interface ZoneState {
  zone: PersonnelZone;
  headcountLimit: number | null;
  restricted: boolean;
  updatedBy: string | null;
  updatedAt: number | null;
}

interface MinePeople {
  site: CoalMine;
  operatorId: string | null;
  byTag: Map<string, Track>;
  byPerson: Map<string, Track>;
  zones: Map<string, ZoneState>;
  areas: Map<string, Set<string>>;
  roadwayName: Map<string, string>;
  shafts: Array<{ id: string; eastM: number; northM: number }>;
}

/** A request the service refuses: the field and why (the routes answer 400 or 404). */
export class PeopleRequestError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

/**
 * People underground (issue 7, AQ 6210-2007 / AQ 1048-2007 personnel positioning): attendance
 * from the tags crossing the surface level (stored in mine_attendance, so it survives a restart),
 * headcounts of the personnel zones with overcrowding, restricted-zone, overtime, SOS and
 * abnormal-route alarms through the alarm engine on the person's tag (overcrowding on the zone),
 * the dispatcher's pages with their acknowledgements, trajectories from the stored readings, and
 * the roof sensors' state for the wall.
 */
export class PeopleService {
  private readonly mines = new Map<string, MinePeople>();
  private readonly byTag = new Map<string, MinePeople>();
  private readonly attendance: AttendanceStore;
  private readonly settings: ZoneSettingsStore;
  readonly pages = new PageBook();
  private writes: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: PeopleServiceDeps) {
    this.attendance = new AttendanceStore(deps.db);
    this.settings = new ZoneSettingsStore(deps.db);
    for (const site of deps.sites) {
      if (site.kind !== 'coal-mine') continue;
      const tracks = site.miners.map((miner): Track => ({ miner, ts: null, position: null, underground: null, roadwayId: null, chainageM: null, stay: null, lastBelow: null, restricted: null, offAreaSince: null }));
      const nodes = new Map(site.roadways.nodes.map((n) => [n.id, n.position]));
      const mine: MinePeople = {
        site, operatorId: site.enterprises[0]?.id ?? null,
        byTag: new Map(tracks.map((t) => [t.miner.tagDeviceId, t])), byPerson: new Map(tracks.map((t) => [t.miner.id, t])),
        zones: new Map(site.personnelZones.map((zone) => [zone.id, { zone, headcountLimit: zone.headcountLimit, restricted: zone.restricted, updatedBy: null, updatedAt: null }])),
        areas: workAreas(site), roadwayName: new Map(site.roadways.edges.map((e) => [e.id, e.name.en])),
        shafts: site.roadways.edges.filter((e) => e.kind === 'shaft').map((e) => ({ id: e.id, eastM: nodes.get(e.to)!.eastM, northM: nodes.get(e.to)!.northM })),
      };
      this.mines.set(site.id, mine);
      for (const t of tracks) this.byTag.set(t.miner.tagDeviceId, mine);
    }
  }

  /**
   * Reads back the zone settings, the open stays and the tags' latest positions (device_state),
   * then follows the ingest and judges overtime and headcounts every 10 s.
   */
  async start(): Promise<this> {
    for (const mine of this.mines.values()) {
      for (const [zoneId, s] of await this.settings.load(mine.site.id)) {
        const z = mine.zones.get(zoneId);
        if (z) Object.assign(z, { headcountLimit: s.headcountLimit, restricted: s.restricted, updatedBy: s.updatedBy, updatedAt: s.updatedAt });
      }
      for (const stay of await this.attendance.open(mine.site.id)) {
        const t = mine.byPerson.get(stay.personId);
        if (t && (!t.stay || stay.downAt > t.stay.downAt)) t.stay = stay;
      }
      const latest = await this.deps.db.query<{ device_id: string; last_ts: Date | string; values: Record<string, number> | string }>('SELECT device_id, last_ts, values FROM device_state WHERE site_id = $1', [mine.site.id]);
      const readings = latest.filter((r) => mine.byTag.has(r.device_id)).map((r): LiveReading => ({
        deviceId: r.device_id, ts: new Date(r.last_ts).getTime(), seq: 0, values: typeof r.values === 'string' ? JSON.parse(r.values) : r.values,
      }));
      this.observe(readings);
    }
    this.deps.ingest.onValidated((readings) => this.observe(readings));
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
    return this;
  }

  /** Stops the periodic check; resolves when the attendance writes under way are stored. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.writes;
  }

  /** Resolves when every attendance write so far is stored. */
  flushed(): Promise<void> {
    return this.writes;
  }

  /** Tag readings: positions, crossings, SOS, acknowledgements; then the zones of the mines touched. */
  observe(readings: readonly LiveReading[]): void {
    const touched = new Set<MinePeople>();
    for (const r of readings) {
      const mine = this.byTag.get(r.deviceId);
      const t = mine?.byTag.get(r.deviceId);
      if (!mine || !t) continue;
      touched.add(mine);
      const v = r.values;
      if (v.east_m !== undefined && v.north_m !== undefined && v.up_m !== undefined && (t.ts === null || r.ts >= t.ts)) this.move(mine, t, { eastM: v.east_m, northM: v.north_m, upM: v.up_m }, r.ts);
      if (v.sos !== undefined) this.alarm(mine, t.miner.tagDeviceId, 'sos', v.sos >= 0.5, v.sos, null, () => `SOS: ${who(t)} at ${this.place(mine, t)}`);
    }
    this.pages.observe(readings);
    for (const mine of touched) this.judgeZones(mine);
  }

  /** Judges overtime and every zone's headcount (the timer; also after a change of settings). */
  check(): void {
    for (const mine of this.mines.values()) {
      for (const t of mine.byTag.values()) this.judgeOvertime(mine, t);
      this.judgeZones(mine);
    }
  }

  /** Overtime of one person: underground (an open stay) longer than the limit, by the hub's clock. */
  private judgeOvertime(mine: MinePeople, t: Track): void {
    const now = this.deps.now();
    const limitMs = this.deps.overtimeLimitMs ?? OVERTIME_LIMIT_MS;
    const hours = t.stay ? (now - t.stay.downAt) / 3_600_000 : 0;
    this.alarm(mine, t.miner.tagDeviceId, 'overtime', t.stay !== null && now - t.stay.downAt > limitMs, Math.round(hours * 100) / 100, limitMs / 3_600_000,
      () => (t.stay ? `overtime: ${who(t)} ${hours.toFixed(1)} h underground (limit ${limitMs / 3_600_000} h), at ${this.place(mine, t)}` : `${who(t)} came up`));
  }

  /** The zones of a mine with their headcounts (GET /sites/:id/zones); null for another site. */
  zones(siteId: string): ZoneView[] | null {
    const mine = this.mines.get(siteId);
    if (!mine) return null;
    return [...mine.zones.values()].map((z) => {
      const people = this.inZone(mine, z).map((t) => placeOf(t));
      return {
        zoneId: z.zone.id, name: z.zone.name, roadwayIds: z.zone.roadwayIds, headcountLimit: z.headcountLimit, restricted: z.restricted, authorizedTeams: z.zone.authorizedTeams,
        basis: z.zone.basis, updatedBy: z.updatedBy, updatedAt: z.updatedAt, headcount: people.length, overcrowded: z.headcountLimit !== null && people.length > z.headcountLimit, people,
      };
    });
  }

  /** Changes a zone's limit or restriction (stored, judged at once); 404 for an unknown zone. */
  async updateZone(siteId: string, zoneId: string, change: { headcountLimit?: number | null; restricted?: boolean }, by: string): Promise<ZoneView> {
    const mine = this.mustMine(siteId);
    const z = mine.zones.get(zoneId);
    if (!z) throw new PeopleRequestError(404, `no personnel zone '${zoneId}' in mine '${siteId}'`);
    const next = { headcountLimit: change.headcountLimit === undefined ? z.headcountLimit : change.headcountLimit, restricted: change.restricted ?? z.restricted, updatedBy: by, updatedAt: this.deps.now() };
    await this.settings.save(siteId, zoneId, next);
    Object.assign(z, next);
    for (const t of mine.byTag.values()) this.judgePlace(mine, t);
    this.judgeZones(mine);
    return this.zones(siteId)!.find((v) => v.zoneId === zoneId)!;
  }

  /** Who is underground now and the stays overlapping [fromMs, toMs) (GET /sites/:id/attendance). */
  async attendanceView(siteId: string, fromMs: number, toMs: number, limit: number): Promise<AttendanceView> {
    const mine = this.mustMine(siteId);
    await this.writes;
    const now = this.deps.now();
    const limitMs = this.deps.overtimeLimitMs ?? OVERTIME_LIMIT_MS;
    const underground = [...mine.byTag.values()].filter((t) => t.stay).map((t) => ({
      ...placeOf(t), downAt: t.stay!.downAt, hoursUnderground: Math.round(((now - t.stay!.downAt) / 3_600_000) * 100) / 100, overtime: now - t.stay!.downAt > limitMs,
    }));
    const stays = (await this.attendance.between(siteId, fromMs, toMs, limit)).map((s) => {
      const m = mine.byPerson.get(s.personId)?.miner;
      return { ...s, name: m?.name ?? s.personId, team: m?.team ?? '' };
    });
    return { siteId, from: fromMs, to: toMs, underground, stays };
  }

  /** Pages one person or everyone in a zone now; 404 for an unknown person or zone, 400 for an empty zone. */
  async page(siteId: string, to: PageTarget, text: string, sentBy: string): Promise<PageView> {
    const mine = this.mustMine(siteId);
    let tracks: Track[];
    if ('personId' in to) {
      const t = mine.byPerson.get(to.personId);
      if (!t) throw new PeopleRequestError(404, `to.personId: no person '${to.personId}' in mine '${siteId}'`);
      tracks = [t];
    } else {
      const z = mine.zones.get(to.zoneId);
      if (!z) throw new PeopleRequestError(404, `to.zoneId: no personnel zone '${to.zoneId}' in mine '${siteId}'`);
      tracks = this.inZone(mine, z);
      if (tracks.length === 0) throw new PeopleRequestError(400, `to.zoneId: no one is in zone '${to.zoneId}' now`);
    }
    const view = this.pages.add({
      siteId, at: this.deps.now(), sentBy, to, text,
      recipients: tracks.map((t) => ({ personId: t.miner.id, name: t.miner.name, tagDeviceId: t.miner.tagDeviceId, commandState: 'sent', ackedAt: null })),
    });
    await Promise.all(view.recipients.map(async (rcpt) => {
      rcpt.commandState = await sendTagPage(this.deps.commands, { siteId, tagDeviceId: rcpt.tagDeviceId, reason: `${view.id} from ${sentBy}: ${text}` }, { text }, `${PAGE_ACTOR_PREFIX}${sentBy}`, this.deps.onError);
    }));
    return structuredClone(view);
  }

  /** A person's trajectory in [fromMs, toMs); 404 for an unknown person. */
  async trajectory(siteId: string, personId: string, fromMs: number, toMs: number): Promise<TrajectoryView> {
    const mine = this.mustMine(siteId);
    const t = mine.byPerson.get(personId);
    if (!t) throw new PeopleRequestError(404, `no person '${personId}' in mine '${siteId}'`);
    const tag = { personId, tagDeviceId: t.miner.tagDeviceId, deviceNum: this.deps.deviceNum(t.miner.tagDeviceId) };
    return readTrajectory(this.deps.db, mine.site, tag, fromMs, toMs, isSurface);
  }

  /** The roof sensors of a mine and the worst state per roadway. */
  roof(siteId: string): Promise<SiteRoofView> {
    const mine = this.mustMine(siteId);
    return readRoof(this.deps.db, mine.site, (id) => this.deps.deviceNum(id), this.deps.engine.list(siteId, true), this.deps.now());
  }

  private mustMine(siteId: string): MinePeople {
    const mine = this.mines.get(siteId);
    if (!mine) throw new PeopleRequestError(404, `site '${siteId}' is not a mine`);
    return mine;
  }

  /** A new position: crossing the surface level opens or closes a stay; the roadway is judged. */
  private move(mine: MinePeople, t: Track, p: Enu, ts: number): void {
    const wasUnderground = t.underground;
    t.ts = ts;
    t.position = p;
    t.underground = !isSurface(p);
    const fix = t.underground ? locateOnRoadways(mine.site, p) : null;
    t.roadwayId = fix?.roadwayId ?? null;
    t.chainageM = fix ? Math.round(fix.chainageM * 10) / 10 : null;
    if (t.underground && !t.stay) {
      const stay: AttendanceRecord = { personId: t.miner.id, tagDeviceId: t.miner.tagDeviceId, downAt: ts, downObserved: wasUnderground === false, downShaftId: this.shaftNear(mine, p), upAt: null, upShaftId: null };
      t.stay = stay;
      this.write(() => this.attendance.down(mine.site.id, stay));
    } else if (!t.underground && t.stay) {
      const stay = t.stay;
      const upShaftId = this.shaftNear(mine, t.lastBelow ?? p);
      t.stay = null;
      this.write(() => this.attendance.up(mine.site.id, stay.personId, stay.downAt, ts, upShaftId));
    }
    if (t.underground) t.lastBelow = p;
    this.judgeOvertime(mine, t);
    this.judgePlace(mine, t);
  }

  /** Restricted zone and abnormal route of one person at their latest position. */
  private judgePlace(mine: MinePeople, t: Track): void {
    const ts = t.ts ?? this.deps.now();
    const roadwayId = t.underground ? t.roadwayId : null;
    // Someone under a withdrawal order walks the escape route they were paged, wherever it leads: no entry alarm.
    const ordered = this.deps.hasOrder(mine.site.id, t.miner.id);
    const zone = roadwayId === null || ordered ? undefined : [...mine.zones.values()].find((z) => z.restricted && z.zone.roadwayIds.includes(roadwayId) && !z.zone.authorizedTeams.includes(t.miner.team));
    t.restricted = zone ? (t.restricted?.zoneId === zone.zone.id ? t.restricted : { zoneId: zone.zone.id, since: ts }) : null;
    const inRestricted = t.restricted !== null && ts - t.restricted.since >= RESTRICTED_DWELL_MS;
    this.alarm(mine, t.miner.tagDeviceId, 'restricted-zone', inRestricted, inRestricted ? 1 : 0, null, () => `restricted zone ${zone ? zone.zone.id : ''}: ${who(t)} at ${this.place(mine, t)}`);
    const off = roadwayId !== null && !(mine.areas.get(t.miner.id)?.has(roadwayId) ?? true) && !ordered;
    t.offAreaSince = off ? (t.offAreaSince ?? ts) : null;
    const abnormal = t.offAreaSince !== null && ts - t.offAreaSince >= ABNORMAL_ROUTE_DWELL_MS;
    this.alarm(mine, t.miner.tagDeviceId, 'abnormal-route', abnormal, abnormal ? 1 : 0, null,
      () => `abnormal route: ${who(t)} (works at ${t.miner.workplaceRoadwayId}) at ${this.place(mine, t)} without an order`);
  }

  /** Overcrowding of each zone with a limit. */
  private judgeZones(mine: MinePeople): void {
    for (const z of mine.zones.values()) {
      const count = this.inZone(mine, z).length;
      const over = z.headcountLimit !== null && count > z.headcountLimit;
      this.alarm(mine, z.zone.id, 'overcrowding', over, count, z.headcountLimit, () => `overcrowding: ${count} persons in ${z.zone.id} ${z.zone.name.en} (limit ${z.headcountLimit})`);
    }
  }

  private inZone(mine: MinePeople, z: ZoneState): Track[] {
    return [...mine.byTag.values()].filter((t) => t.underground && t.roadwayId !== null && z.zone.roadwayIds.includes(t.roadwayId));
  }

  private alarm(mine: MinePeople, deviceId: string, kind: PeopleAlarmKind, active: boolean, value: number | null, setpoint: number | null, reason: () => string): void {
    const point = peopleAlarmPoint(mine.site.id, mine.operatorId, deviceId, kind, setpoint);
    if (this.deps.engine.isActive(point) !== active) this.deps.engine.setCondition(point, active, value, reason());
  }

  private place(mine: MinePeople, t: Track): string {
    return t.underground === false ? 'the surface' : placeText({ roadwayId: t.roadwayId, roadwayName: t.roadwayId ? (mine.roadwayName.get(t.roadwayId) ?? null) : null, chainageM: t.chainageM });
  }

  /** The shaft whose axis is nearest (horizontally) to a position. */
  private shaftNear(mine: MinePeople, p: Enu): string | null {
    let best: { id: string; d: number } | null = null;
    for (const s of mine.shafts) {
      const d = Math.hypot(p.eastM - s.eastM, p.northM - s.northM);
      if (!best || d < best.d) best = { id: s.id, d };
    }
    return best?.id ?? null;
  }

  private write(op: () => Promise<void>): void {
    this.writes = this.writes.then(op).catch(this.deps.onError);
  }
}

/** On the surface: above the level the withdrawal service also takes for the surface. */
const isSurface = (p: Enu) => p.upM > SURFACE_UP_M;
const who = (t: Track) => `${t.miner.name} (${t.miner.team}, ${t.miner.id})`;
const placeOf = (t: Track): PersonPlaceView => ({
  personId: t.miner.id, name: t.miner.name, team: t.miner.team, tagDeviceId: t.miner.tagDeviceId, roadwayId: t.roadwayId, chainageM: t.chainageM, reportedAt: t.ts,
});
