// Which alarms are chemical gas alarms of a park, and what they say about the leak: where the
// detector is, which gas family it senses, which unit it watches and which chemical is likely.
import type { AlarmView, SiteName } from '@safetwin/protocol';
import { idName, pipeName } from './site-places.ts';
import { CHEMICAL_INFO, CHEMICALS, horizontalDistanceM, type ChemicalPark, type Chemical, type Enu, type GasDetectorKind, type Site } from '@safetwin/twin-models';

/** Detector kinds that sense a chemical a park holds (O₂ and mine methane detectors are not: their alarms open no park incident). */
export const CHEMICAL_DETECTOR_KINDS: ReadonlySet<string> = new Set(CHEMICALS.flatMap((c) => CHEMICAL_INFO[c].detectors));

/** The metric of a unit-wide flammable voting alarm (its device is the equipment id). */
const VOTING_METRIC = 'lel_pct';

/** A park gas alarm, as the incident logic needs it. */
export interface GasAlarmFacts {
  /** Where the detector (or the voting unit) stands. */
  position: Enu;
  detectorKind: GasDetectorKind;
  /** The chemical it most likely senses: the watched unit's, else the nearest holder of its family, else the family's only member; null when it cannot tell (a flammable detector far from any holder). */
  chemical: Chemical | null;
  /** The plant of the unit (or of the detector); null: park-level. */
  enterpriseId: string | null;
  /** The unit the alarm is named after: the watched equipment or pipe, else the nearest equipment. */
  unitName: SiteName;
}

/** Whether a detector kind senses `chemical` (a chemical the park library does not list: never). */
export function senses(detectorKind: string, chemical: string): boolean {
  const info = (CHEMICAL_INFO as Record<string, (typeof CHEMICAL_INFO)[Chemical] | undefined>)[chemical];
  return info?.detectors.includes(detectorKind as GasDetectorKind) ?? false;
}

/**
 * The facts of a level-1/2 gas alarm of a chemical park, or null when it is not one (another
 * site kind, level 3/4, a sensor-health or process alarm, an O₂ detector). A unit-wide voting
 * alarm (device = the equipment id, metric `lel_pct`) counts as a flammable detector at the unit.
 */
export function gasAlarmFacts(site: Site | undefined, alarm: AlarmView): GasAlarmFacts | null {
  if (!site || site.kind !== 'chemical-park' || alarm.level > 2) return null;
  const sensor = site.sensors.find((s) => s.id === alarm.deviceId);
  if (sensor) {
    if (!CHEMICAL_DETECTOR_KINDS.has(sensor.kind) || !(sensor.metrics as Record<string, unknown>)[alarm.metric]) return null;
    const kind = sensor.kind as GasDetectorKind;
    const equipment = sensor.equipmentId ? site.equipment.find((e) => e.id === sensor.equipmentId) : undefined;
    const segment = sensor.pipeSegmentId ? site.pipes.segments.find((s) => s.id === sensor.pipeSegmentId) : undefined;
    const watched = equipment ?? segment;
    const watchedChemical = watched?.chemical && senses(kind, watched.chemical) ? watched.chemical : null;
    const nearest = nearestHolder(site, sensor.position, kind);
    const family = CHEMICALS.filter((c) => senses(kind, c));
    const unitName = equipment?.name ?? (segment ? pipeName(idName(segment.id)) : (nearest?.name ?? idName(sensor.id)));
    return {
      position: sensor.position,
      detectorKind: kind,
      chemical: watchedChemical ?? nearest?.chemical ?? (family.length === 1 ? family[0]! : null),
      enterpriseId: watched?.enterpriseId ?? sensor.enterpriseId,
      unitName,
    };
  }
  const unit = alarm.metric === VOTING_METRIC ? site.equipment.find((e) => e.id === alarm.deviceId) : undefined;
  if (!unit) return null;
  return {
    position: unit.position,
    detectorKind: 'gas-flammable',
    chemical: unit.chemical && senses('gas-flammable', unit.chemical) ? unit.chemical : null,
    enterpriseId: unit.enterpriseId,
    unitName: unit.name,
  };
}

/** How far a detector may stand from a holder of its gas for the holder to name the chemical, m (the incident join radius). */
const HOLDER_RADIUS_M = 500;

/** The nearest equipment within {@link HOLDER_RADIUS_M} holding a chemical this detector kind senses. */
function nearestHolder(site: ChemicalPark, at: Enu, kind: GasDetectorKind): { name: SiteName; chemical: Chemical } | null {
  let best: { name: SiteName; chemical: Chemical } | null = null;
  let bestM = HOLDER_RADIUS_M;
  for (const e of site.equipment) {
    if (e.chemical === null || !senses(kind, e.chemical)) continue;
    const d = horizontalDistanceM(at, e.position);
    if (d <= bestM) {
      bestM = d;
      best = { name: e.name, chemical: e.chemical };
    }
  }
  return best;
}
