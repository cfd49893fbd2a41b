// Fills one instance batch: matrices and colours straight into preallocated typed arrays,
// through one reused set of three.js math objects (no object per instance is kept).
import { Matrix4, Quaternion, Vector3 } from 'three';
import type { BatchKind, InstanceBatch, LiveMode, Primitive } from './types.ts';

/** An sRGB colour as 0xRRGGBB. */
export type Hex = number;

const UP = new Vector3(0, 1, 0);

/** What a batch is, before its instances are written. */
export interface BatchSpec {
  kind: BatchKind;
  primitive: Primitive;
  /** Most instances it will hold (the arrays are allocated once at this size). */
  capacity: number;
  live?: LiveMode;
  pickable?: boolean;
  translucent?: boolean;
}

/** Writes instances of one batch; `finish()` hands out the batch, trimmed to what was written. */
export class BatchWriter {
  private readonly matrices: Float32Array;
  private readonly colors: Float32Array;
  private readonly entityIds: string[] = [];
  private readonly deviceIds: (string | null)[] = [];
  private readonly position = new Vector3();
  private readonly scale = new Vector3();
  private readonly direction = new Vector3();
  private readonly rotation = new Quaternion();
  private readonly matrix = new Matrix4();
  private n = 0;

  constructor(private readonly spec: BatchSpec) {
    if (!Number.isInteger(spec.capacity) || spec.capacity < 0) throw new Error(`batch '${spec.kind}': capacity must be a non-negative integer, got ${spec.capacity}`);
    this.matrices = new Float32Array(spec.capacity * 16);
    this.colors = new Float32Array(spec.capacity * 3);
  }

  /** Instances written so far. */
  get count(): number {
    return this.n;
  }

  /** An instance centred at (x, y, z) with a yaw about +y (radians) and per-axis size, metres. */
  addYawed(entityId: string, deviceId: string | null, x: number, y: number, z: number, yawRad: number, sx: number, sy: number, sz: number, color: Hex): number {
    this.rotation.setFromAxisAngle(UP, yawRad);
    return this.write(entityId, deviceId, x, y, z, sx, sy, sz, color);
  }

  /** An axis-aligned instance centred at (x, y, z) with per-axis size, metres. */
  addAligned(entityId: string, deviceId: string | null, x: number, y: number, z: number, sx: number, sy: number, sz: number, color: Hex): number {
    this.rotation.identity();
    return this.write(entityId, deviceId, x, y, z, sx, sy, sz, color);
  }

  /**
   * A primitive whose +y axis runs from (ax, ay, az) to (bx, by, bz) — a pipe, a roadway tube, an
   * arrow — with `widthM` across; its length is the distance between the points (its +y scale).
   * For cones the apex sits at b. A zero-length span is written with zero size (invisible).
   */
  addSpan(entityId: string, deviceId: string | null, ax: number, ay: number, az: number, bx: number, by: number, bz: number, widthM: number, color: Hex): number {
    this.direction.set(bx - ax, by - ay, bz - az);
    const lengthM = this.direction.length();
    if (lengthM > 0) this.rotation.setFromUnitVectors(UP, this.direction.divideScalar(lengthM));
    else this.rotation.identity();
    const w = lengthM > 0 ? widthM : 0;
    return this.write(entityId, deviceId, (ax + bx) / 2, (ay + by) / 2, (az + bz) / 2, w, lengthM, w, color);
  }

  /** Hands out the batch (arrays trimmed to the instances written). */
  finish(): InstanceBatch {
    const n = this.n;
    const hasDevices = this.spec.live !== undefined && this.spec.live !== 'none';
    return {
      kind: this.spec.kind,
      primitive: this.spec.primitive,
      count: n,
      matrices: n * 16 === this.matrices.length ? this.matrices : this.matrices.slice(0, n * 16),
      colors: n * 3 === this.colors.length ? this.colors : this.colors.slice(0, n * 3),
      entityIds: this.entityIds,
      deviceIds: hasDevices ? this.deviceIds : null,
      live: this.spec.live ?? 'none',
      pickable: this.spec.pickable ?? false,
      translucent: this.spec.translucent ?? false,
    };
  }

  private write(entityId: string, deviceId: string | null, x: number, y: number, z: number, sx: number, sy: number, sz: number, color: Hex): number {
    const i = this.n;
    if (i >= this.spec.capacity) throw new Error(`batch '${this.spec.kind}': more than its capacity of ${this.spec.capacity} instances`);
    this.matrix.compose(this.position.set(x, y, z), this.rotation, this.scale.set(sx, sy, sz));
    this.matrix.toArray(this.matrices, i * 16);
    writeHexColor(this.colors, i * 3, color);
    this.entityIds.push(entityId);
    this.deviceIds.push(deviceId);
    this.n = i + 1;
    return i;
  }
}

/** Writes 0xRRGGBB as three sRGB components 0..1 at `offset`. */
export function writeHexColor(out: Float32Array, offset: number, color: Hex): void {
  out[offset] = ((color >> 16) & 0xff) / 255;
  out[offset + 1] = ((color >> 8) & 0xff) / 255;
  out[offset + 2] = (color & 0xff) / 255;
}
