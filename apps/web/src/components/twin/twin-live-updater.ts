// Drives the twin's instanced meshes from the wall's live stores, once per frame, without
// allocating and without React: marker colours and sizes (sensors, valves, machines) are
// repainted when readings or alarms changed — at most every 200 ms — and once a second anyway,
// so a device that falls silent turns stale on time; people ease toward their latest position
// every frame.
import type { InstancedMesh } from 'three';
import { sceneX, sceneY, sceneZ, type InstanceBatch, type TwinScene } from '@safetwin/twin-models';
import type { WallState } from '../../wall/WallContext.tsx';
import { deviceVisual } from '../../wall/WallContext.tsx';
import { InstancePainter, styleTable, type StyleTable } from './instance-painter.ts';
import {
  POWER_CODES, POWER_STYLES, SENSOR_CODE, SENSOR_STYLES, TAG_CODES, TAG_STYLES, VALVE_CODES, VALVE_STYLES,
  hasPosition, powerVisual, tagVisual, valveVisual,
} from './live-visuals.ts';
import { TagMover } from './tag-mover.ts';
import { nearestInstance, type PickHit } from './pick-nearest.ts';

/** What the updater reads from the wall. */
export type LiveSources = Pick<WallState, 'live' | 'alarms' | 'devices' | 'link'>;

/** Shortest time between two repaints triggered by new readings or alarms, ms. */
export const REPAINT_MIN_INTERVAL_MS = 200;
/** Longest time between two repaints (staleness is judged at least this often), ms. */
export const REPAINT_MAX_INTERVAL_MS = 1_000;
/** A person's body relative to the scene's marker size: height and width. */
const PERSON_HEIGHT_MARKERS = 1.6;
const PERSON_WIDTH_MARKERS = 0.7;

const SENSOR_TABLE = styleTable(SENSOR_STYLES);
const VALVE_TABLE = styleTable(VALVE_STYLES);
const POWER_TABLE = styleTable(POWER_STYLES);
const TAG_TABLE = styleTable(TAG_STYLES);
const VALVE_CODE = Object.fromEntries(VALVE_CODES.map((c, i) => [c, i])) as Record<(typeof VALVE_CODES)[number], number>;
const POWER_CODE = Object.fromEntries(POWER_CODES.map((c, i) => [c, i])) as Record<(typeof POWER_CODES)[number], number>;
const TAG_CODE = Object.fromEntries(TAG_CODES.map((c, i) => [c, i])) as Record<(typeof TAG_CODES)[number], number>;

interface PaintedBatch {
  batch: InstanceBatch;
  mesh: InstancedMesh;
  painter: InstancePainter;
}

interface TagBatch {
  batch: InstanceBatch;
  mesh: InstancedMesh;
  mover: TagMover;
  codes: Uint8Array;
  table: StyleTable;
}

/** Live state → instance buffers for one scene. */
export class TwinLiveUpdater {
  private readonly painted: PaintedBatch[] = [];
  private readonly tags: TagBatch[] = [];
  private readonly tagBatchIndex = new Map<number, TagBatch>();
  private dirty = true;
  private lastRepaintMs = -Infinity;
  private lastLink: LiveSources['link'] | null = null;
  private readonly personWidthM: number;
  private readonly personHeightM: number;

  /** @param meshes one mesh per scene batch, same order as `scene.batches`. */
  constructor(private readonly scene: TwinScene, meshes: readonly InstancedMesh[]) {
    if (meshes.length !== scene.batches.length) throw new Error(`TwinLiveUpdater: ${scene.batches.length} batches but ${meshes.length} meshes`);
    this.personWidthM = scene.markerSizeM * PERSON_WIDTH_MARKERS;
    this.personHeightM = scene.markerSizeM * PERSON_HEIGHT_MARKERS;
    scene.batches.forEach((batch, i) => {
      const mesh = meshes[i]!;
      if (batch.live === 'tag') {
        const tag: TagBatch = { batch, mesh, mover: new TagMover(batch.count), codes: new Uint8Array(batch.count).fill(TAG_CODE.hidden), table: TAG_TABLE };
        this.tags.push(tag);
        this.tagBatchIndex.set(i, tag);
      } else if (batch.live !== 'none') {
        const table = batch.live === 'sensor' ? SENSOR_TABLE : batch.live === 'valve' ? VALVE_TABLE : POWER_TABLE;
        this.painted.push({ batch, mesh, painter: new InstancePainter(batch.matrices, batch.count, table) });
      }
    });
  }

  /** Readings or alarms changed: repaint at the next allowed frame. */
  markDirty(): void {
    this.dirty = true;
  }

  /** One frame: repaint if due, move people. `dtS` is the time since the last frame, s. */
  frame(sources: LiveSources, nowMs: number, dtS: number): void {
    if (sources.link !== this.lastLink) {
      // A lost link must show at once: nothing may look live for another frame.
      this.lastLink = sources.link;
      this.lastRepaintMs = -Infinity;
    }
    const sinceMs = nowMs - this.lastRepaintMs;
    if ((this.dirty && sinceMs >= REPAINT_MIN_INTERVAL_MS) || sinceMs >= REPAINT_MAX_INTERVAL_MS) {
      this.dirty = false;
      this.lastRepaintMs = nowMs;
      // Indexed loops: no iterator objects in the frame loop.
      for (let i = 0; i < this.painted.length; i++) this.repaint(this.painted[i]!, sources, nowMs);
      for (let i = 0; i < this.tags.length; i++) this.retarget(this.tags[i]!, sources, nowMs);
    }
    for (let i = 0; i < this.tags.length; i++) this.move(this.tags[i]!, dtS);
  }

  /**
   * Writes where instance `instance` of batch `batchIndex` is drawn now (people: their eased
   * position) into `out`; false when it is not drawn (a person never heard from).
   */
  positionOf(batchIndex: number, instance: number, out: { x: number; y: number; z: number }): boolean {
    const tag = this.tagBatchIndex.get(batchIndex);
    if (tag) {
      if (!tag.mover.isKnown(instance)) return false;
      const c = tag.mover.current, o = instance * 3;
      out.x = c[o]!; out.y = c[o + 1]!; out.z = c[o + 2]!;
      return true;
    }
    const batch = this.scene.batches[batchIndex];
    if (!batch || instance < 0 || instance >= batch.count) return false;
    const m = batch.matrices, o = instance * 16;
    out.x = m[o + 12]!; out.y = m[o + 13]!; out.z = m[o + 14]!;
    return true;
  }

  /**
   * Looks for the pickable instance of batch `batchIndex` drawn nearest to the pointer (see
   * `nearestInstance`), where it is drawn now; updates `best` and returns true when it found a nearer one.
   */
  pickInBatch(batchIndex: number, viewProjection: ArrayLike<number>, xPx: number, yPx: number, widthPx: number, heightPx: number, maxPx: number, best: PickHit): boolean {
    const batch = this.scene.batches[batchIndex];
    if (!batch?.pickable) return false;
    const tag = this.tagBatchIndex.get(batchIndex);
    if (tag) {
      const mover = tag.mover;
      return nearestInstance(mover.current, batch.count, 3, 0, viewProjection, xPx, yPx, widthPx, heightPx, maxPx, best, (i) => !mover.isKnown(i));
    }
    const ids = batch.deviceIds;
    return nearestInstance(batch.matrices, batch.count, 16, 12, viewProjection, xPx, yPx, widthPx, heightPx, maxPx, best, (i) => !ids?.[i]);
  }

  private repaint(p: PaintedBatch, sources: LiveSources, nowMs: number): void {
    const { batch, mesh, painter } = p;
    const ids = batch.deviceIds!;
    const colors = mesh.instanceColor!.array as Float32Array;
    const matrices = mesh.instanceMatrix.array as Float32Array;
    let changed = false;
    for (let i = 0; i < batch.count; i++) {
      const id = ids[i] ?? null;
      const code = batch.live === 'sensor' ? sensorCode(sources, id, nowMs) : batch.live === 'valve' ? valveCode(sources, id, nowMs) : powerCode(sources, id, nowMs);
      if (painter.paint(i, code, colors, matrices)) changed = true;
    }
    if (changed) {
      mesh.instanceColor!.needsUpdate = true;
      mesh.instanceMatrix.needsUpdate = true;
    }
  }

  private retarget(t: TagBatch, sources: LiveSources, nowMs: number): void {
    const ids = t.batch.deviceIds!;
    const colors = t.mesh.instanceColor!.array as Float32Array;
    const rgb = t.table.rgbLinear;
    let recolored = false;
    for (let i = 0; i < t.batch.count; i++) {
      const id = ids[i];
      const device = id ? sources.devices.get(id) : undefined;
      const sample = id && device ? sources.live.get(id) : undefined;
      const code = device ? TAG_CODE[tagVisual(sample, device.intervalMs, nowMs, sources.link)] : TAG_CODE.hidden;
      if (sample && hasPosition(sample)) {
        const v = sample.reading.values;
        t.mover.setTarget(i, sceneX(v.east_m!), sceneY(v.up_m!), sceneZ(v.north_m!));
      }
      if (t.codes[i] !== code) {
        t.codes[i] = code;
        colors[i * 3] = rgb[code * 3]!;
        colors[i * 3 + 1] = rgb[code * 3 + 1]!;
        colors[i * 3 + 2] = rgb[code * 3 + 2]!;
        recolored = true;
      }
    }
    if (recolored) t.mesh.instanceColor!.needsUpdate = true;
    this.writeTagMatrices(t);
  }

  private move(t: TagBatch, dtS: number): void {
    if (t.mover.step(dtS)) this.writeTagMatrices(t);
  }

  private writeTagMatrices(t: TagBatch): void {
    const matrices = t.mesh.instanceMatrix.array as Float32Array;
    for (let i = 0; i < t.batch.count; i++) {
      const scale = t.mover.isKnown(i) ? t.table.scale[t.codes[i]!]! : 0;
      t.mover.writeMatrix(i, matrices, this.personWidthM, this.personHeightM, scale);
    }
    t.mesh.instanceMatrix.needsUpdate = true;
  }
}

function sensorCode(sources: LiveSources, id: string | null, nowMs: number): number {
  return SENSOR_CODE[id ? deviceVisual(sources, id, nowMs) : 'no-data'];
}

function valveCode(sources: LiveSources, id: string | null, nowMs: number): number {
  if (id === null) return VALVE_CODE.manual;
  const device = sources.devices.get(id);
  if (!device) return VALVE_CODE['no-data'];
  return VALVE_CODE[valveVisual(sources.live.get(id), device.intervalMs, nowMs, sources.link)];
}

function powerCode(sources: LiveSources, id: string | null, nowMs: number): number {
  const device = id ? sources.devices.get(id) : undefined;
  if (!id || !device) return POWER_CODE['no-data'];
  return POWER_CODE[powerVisual(sources.live.get(id), device.intervalMs, nowMs, sources.link)];
}
