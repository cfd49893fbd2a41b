import { randomUUID } from 'node:crypto';
import type { AlarmView, IncidentView } from '@safetwin/protocol';
import { horizontalDistanceM, type Enu, type Site } from '@safetwin/twin-models';
import type { AlarmListener } from '../alarms/alarm-engine.ts';
import { isNewActivation } from '../alarms/alarm-engine.ts';
import { gasAlarmFacts, senses, type GasAlarmFacts } from './gas-alarm.ts';
import { chemicalName, detectedTitle } from './incident-title.ts';
import { isOpenState } from './incident-lifecycle.ts';
import type { IncidentService } from './incident-service.ts';
import { parkItem } from './site-places.ts';

/** When a new gas alarm joins an open incident rather than opening one. */
export interface IncidentJoinRules {
  /** A detector this close (horizontal, m) to one of the incident's detectors or its declared source… @defaultValue 500 */
  radiusM: number;
  /** …of the same gas family, joins an incident created less than this long ago, ms. @defaultValue 30 min */
  windowMs: number;
}

/**
 * 500 m / 30 min: a toxic cloud from one release reaches detectors hundreds of metres downwind
 * within minutes (at 2 m/s wind, 500 m takes about 4 min), while a second, independent release
 * of the same gas in the same corner of the park within half an hour is rare enough that one
 * incident is the right default (the commander can still declare another). Alarms of the same
 * alarm group join whatever the distance and age (the flood logic already decided they share a cause).
 */
export const DEFAULT_JOIN_RULES: IncidentJoinRules = { radiusM: 500, windowMs: 30 * 60_000 };

/** What the auto-creation keeps per open incident to route alarms synchronously. */
interface Route {
  id: string;
  siteId: string;
  origin: IncidentView['origin'];
  createdAt: number;
  chemical: string | null;
  kinds: Set<string>;
  positions: Enu[];
  alarmIds: Set<string>;
  groupIds: Set<string>;
}

/**
 * Incidents from alarms: a NEW activation of a level-1/2 gas alarm of a chemical park joins the
 * open incident of its site that holds its alarm group (or the alarm itself), else the nearest one
 * within `radiusM` of the same gas family created less than `windowMs` ago; otherwise it opens a
 * new incident (origin 'alarm'). The decision is taken synchronously per alarm, so the thirty
 * detectors of one leak tripping in one batch make one incident. Drill incidents take no real
 * alarms (a real alarm during a drill is handled as real).
 */
export class IncidentAutoCreator {
  private readonly routes = new Map<string, Route>();

  constructor(
    private readonly deps: {
      service: IncidentService;
      site: (siteId: string) => Site | undefined;
      /** The device of an alarm id (to place restored or declared incidents' alarms). */
      alarm: (alarmId: string) => AlarmView | undefined;
      now: () => number;
      log: (err: unknown) => void;
      rules?: IncidentJoinRules;
    },
  ) {
    deps.service.onChange((incident) => this.follow(incident));
  }

  /** The alarm engine's listener (`engine.onChange(auto.listener)`). */
  readonly listener: AlarmListener = (alarm, transition, before) => {
    if (!isNewActivation(alarm, transition, before)) return;
    const facts = gasAlarmFacts(this.deps.site(alarm.siteId), alarm);
    if (facts) this.route(alarm, facts);
  };

  /** Keeps the routing table in step with the service (incidents declared, restored, closed). */
  private follow(incident: IncidentView): void {
    if (!isOpenState(incident.state)) {
      this.routes.delete(incident.id);
      return;
    }
    if (this.routes.has(incident.id)) return;
    const route: Route = {
      id: incident.id, siteId: incident.siteId, origin: incident.origin, createdAt: incident.createdAt, chemical: incident.chemical,
      kinds: new Set(), positions: [], alarmIds: new Set(incident.alarmIds), groupIds: new Set(incident.alarmGroupIds),
    };
    const site = this.deps.site(incident.siteId);
    for (const alarmId of incident.alarmIds) {
      const alarm = this.deps.alarm(alarmId);
      const facts = alarm ? gasAlarmFacts(site, alarm) : null;
      if (facts) this.extend(route, facts);
    }
    const item = site?.kind === 'chemical-park' && incident.declared?.equipmentId ? parkItem(site, incident.declared.equipmentId) : undefined;
    const declaredAt = incident.declared?.place ?? item?.position ?? null;
    if (declaredAt) route.positions.push({ eastM: declaredAt.eastM, northM: declaredAt.northM, upM: 0 });
    this.routes.set(incident.id, route);
  }

  private extend(route: Route, facts: GasAlarmFacts): void {
    route.kinds.add(facts.detectorKind);
    route.positions.push(facts.position);
  }

  private route(alarm: AlarmView, facts: GasAlarmFacts): void {
    const target = this.match(alarm, facts);
    if (target) {
      target.alarmIds.add(alarm.id);
      if (alarm.groupId) target.groupIds.add(alarm.groupId);
      this.extend(target, facts);
      this.deps.service.joinAlarm(target.id, alarm, facts.unitName).catch(this.deps.log);
      return;
    }
    const id = randomUUID();
    const route: Route = {
      id, siteId: alarm.siteId, origin: 'alarm', createdAt: this.deps.now(), chemical: facts.chemical,
      kinds: new Set(), positions: [], alarmIds: new Set([alarm.id]), groupIds: new Set(alarm.groupId ? [alarm.groupId] : []),
    };
    this.extend(route, facts);
    this.routes.set(id, route);
    this.deps.service
      .create({
        siteId: alarm.siteId, enterpriseId: facts.enterpriseId, origin: 'alarm', chemical: facts.chemical, declared: null, createdBy: 'system',
        ...detectedTitle(chemicalName(facts.chemical, facts.detectorKind), facts.unitName),
        alarm: { view: alarm, unitName: facts.unitName },
      }, id)
      .catch((err: unknown) => {
        this.routes.delete(id);
        this.deps.log(err);
      });
  }

  /** The open incident an alarm joins, or null (see the class comment). */
  private match(alarm: AlarmView, facts: GasAlarmFacts): Route | null {
    const rules = this.deps.rules ?? DEFAULT_JOIN_RULES;
    const at = this.deps.now();
    let nearest: Route | null = null;
    let nearestM = Number.POSITIVE_INFINITY;
    for (const r of this.routes.values()) {
      if (r.siteId !== alarm.siteId || r.origin === 'drill') continue;
      if (r.alarmIds.has(alarm.id) || (alarm.groupId !== null && r.groupIds.has(alarm.groupId))) return r;
      if (at - r.createdAt >= rules.windowMs || !this.sameFamily(r, facts)) continue;
      const d = Math.min(...r.positions.map((p) => horizontalDistanceM(p, facts.position)));
      if (d <= rules.radiusM && d < nearestM) {
        nearest = r;
        nearestM = d;
      }
    }
    return nearest;
  }

  /** Same gas: the incident's chemical is sensed by the detector, or (chemical unknown) a detector of the same kind already joined. */
  private sameFamily(r: Route, facts: GasAlarmFacts): boolean {
    if (r.chemical !== null && senses(facts.detectorKind, r.chemical)) return true;
    if (r.chemical !== null && facts.chemical !== null) return r.chemical === facts.chemical;
    return r.kinds.has(facts.detectorKind);
  }
}
