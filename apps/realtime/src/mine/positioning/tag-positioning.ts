// The hub's UWB positioning: a tag reading that carries ranges (`range_<anchor>_m`) becomes a
// position reading (east_m, north_m, up_m) right after the device checks, before the metric
// checks, storage, alarms and the wall see it (IngestService.useTransform). Tags that report a
// position pass through untouched. The ranges themselves are not stored: the position is, with
// the reading's provenance (device, seq, gateway, sensor and ingest time).
import type { Reading } from '@safetwin/protocol';
import {
  rangeMetricIndex, RoadwayGeometry, splitRangeValues, TagPositioner, type CoalMine, type DeviceInfo, type Site, type TagPositionerOptions,
} from '@safetwin/twin-models';
import type { ReadingProblem } from '../../ingest/validate-reading.ts';

/** Per site: the roadway geometry and the range metric names, built once per site description. */
interface SiteSolver {
  site: CoalMine;
  geometry: RoadwayGeometry;
  metricToAnchor: Map<string, string>;
}

/** Per tag: its track and the positions of its latest readings by seq (a retried reading gets the same answer). */
interface TagState {
  positioner: TagPositioner;
  bySeq: Map<number, Record<string, number> | null>;
}

/** Readings remembered per tag for retries. */
const SEQ_MEMORY = 32;
/** Positions are reported to the centimetre. */
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Turns tag range readings into position readings; one instance per hub. */
export class TagPositioning {
  private readonly sites = new Map<string, SiteSolver>();
  private readonly tags = new Map<string, TagState>();
  /** Counters for /health: readings solved, readings without a fix (no or one anchor, no track), refused. */
  readonly stats = { solved: 0, unsolved: 0, refused: 0 };

  constructor(private readonly deps: { site: (siteId: string) => Site | undefined }, private readonly options: TagPositionerOptions = {}) {}

  /** The ReadingTransform for IngestService.useTransform. */
  readonly transform = (reading: Reading, device: DeviceInfo): Reading | ReadingProblem => {
    if (device.kind !== 'uwb-tag') return reading;
    if (!Object.keys(reading.values).some((m) => m.startsWith('range_'))) return reading; // a tag that reports its position
    const solver = this.solverFor(device.siteId);
    if (!solver) return this.refuse(`device '${device.deviceId}' reports UWB ranges but site '${device.siteId}' has no UWB anchors`);
    const split = splitRangeValues(reading.values, solver.metricToAnchor);
    if (!split.ok) return this.refuse(split.message);
    const state = this.tagState(device.deviceId, solver);
    if (state.bySeq.has(reading.seq)) return this.answer(reading, split.others, state.bySeq.get(reading.seq)!);
    const ranges = split.ranges.map((r) => ({ anchor: solver.geometry.anchors.get(r.anchorId)!, rangeM: r.rangeM }));
    const at = state.positioner.locate(ranges, reading.ts);
    const position = at ? { east_m: round2(at.position[0]), north_m: round2(at.position[1]), up_m: round2(at.position[2]) } : null;
    state.bySeq.set(reading.seq, position);
    if (state.bySeq.size > SEQ_MEMORY) state.bySeq.delete(state.bySeq.keys().next().value!);
    if (position) this.stats.solved++;
    else this.stats.unsolved++;
    return this.answer(reading, split.others, position);
  };

  /** The reading with its ranges replaced by the position (or by nothing when there is none). */
  private answer(reading: Reading, others: Record<string, number>, position: Record<string, number> | null): Reading | ReadingProblem {
    const values = position ? { ...others, ...position } : others;
    if (Object.keys(values).length === 0) {
      const heard = Object.keys(reading.values).length;
      return this.refuse(`values: ${heard} range${heard === 1 ? '' : 's'} fix no position (one anchor heard and no recent track) and the reading carries nothing else`);
    }
    return { ...reading, values };
  }

  private refuse(message: string): ReadingProblem {
    this.stats.refused++;
    return { code: 'ingest:bad-reading', message };
  }

  /** The solver of a site, rebuilt when the registry holds a new description of it. */
  private solverFor(siteId: string): SiteSolver | null {
    const site = this.deps.site(siteId);
    if (!site || site.kind !== 'coal-mine' || site.uwbAnchors.length === 0) return null;
    const known = this.sites.get(siteId);
    if (known?.site === site) return known;
    const solver = { site, geometry: new RoadwayGeometry(site), metricToAnchor: rangeMetricIndex(site.uwbAnchors.map((a) => a.id)) };
    this.sites.set(siteId, solver);
    // Tracks on the old description's roadways mean nothing on the new one.
    for (const [id, tagSiteId] of this.tagSite) {
      if (tagSiteId !== siteId) continue;
      this.tags.delete(id);
      this.tagSite.delete(id);
    }
    return solver;
  }

  /** Site of each tag with a state (to forget tracks on a site's new description). */
  private readonly tagSite = new Map<string, string>();

  private tagState(deviceId: string, solver: SiteSolver): TagState {
    let state = this.tags.get(deviceId);
    if (!state) {
      state = { positioner: new TagPositioner(solver.geometry, this.options), bySeq: new Map() };
      this.tags.set(deviceId, state);
      this.tagSite.set(deviceId, solver.site.id);
    }
    return state;
  }
}
