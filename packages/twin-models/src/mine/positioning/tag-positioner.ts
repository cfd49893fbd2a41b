// One tag's positioning: each epoch of ranges is solved on the roadway network (with the
// track's prediction as a hint) and fed to the tag's track filter. Pure apart from the state it
// keeps; time is an argument.
import { solveFix, type AnchorRange, type FixOptions, type RoadwayFix } from './solve-fix.ts';
import { RoadwayTrack, type TrackOptions, type TrackState } from './track-filter.ts';
import type { Vec3 } from './least-squares.ts';
import type { RoadwayGeometry } from './roadway-geometry.ts';

/** What one epoch gave. */
export interface TagLocation {
  /** The position to report: the track's, or the epoch's own fix for a reading older than the track. */
  position: Vec3;
  roadwayId: string;
  chainageM: number;
  /** 1σ along the roadway, m. */
  sigmaM: number;
  /** The epoch's fix (before filtering). */
  fix: RoadwayFix;
  /** The track after this epoch; null when the reading was older than the track (out of order). */
  track: TrackState | null;
}

/** Tunables of {@link TagPositioner}. */
export interface TagPositionerOptions {
  fix?: Omit<FixOptions, 'hint'>;
  track?: TrackOptions;
}

/** Positions one tag from its ranges, epoch after epoch. */
export class TagPositioner {
  private readonly track: RoadwayTrack;

  constructor(private readonly geometry: RoadwayGeometry, private readonly options: TagPositionerOptions = {}) {
    this.track = new RoadwayTrack(geometry, options.track);
  }

  /** Solves one epoch (ranges measured at `tMs`); null when the ranges fix no position (none, or one anchor without a track). */
  locate(ranges: readonly AnchorRange[], tMs: number): TagLocation | null {
    const inOrder = tMs >= this.track.lastMs;
    const hint = inOrder ? this.track.hintAt(tMs) : null;
    const result = solveFix(this.geometry, ranges, { ...this.options.fix, hint });
    if (!result.ok) return null;
    const fix = result.fix;
    if (!inOrder) return { position: fix.position, roadwayId: fix.roadwayId, chainageM: fix.chainageM, sigmaM: fix.sigmaAlongM, fix, track: null };
    const track = this.track.update(fix, tMs);
    return { position: track.position, roadwayId: track.roadwayId, chainageM: track.chainageM, sigmaM: track.sigmaM, fix, track };
  }
}
