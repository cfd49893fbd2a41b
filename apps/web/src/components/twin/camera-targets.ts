// Where the camera goes: frame a sphere (a point of interest) from a viewing direction, and
// fly there smoothly. Pure math on plain numbers and caller-owned arrays; nothing allocated per call
// of `CameraFlight.step`.

const DEG = Math.PI / 180;

/** Distance from a sphere's centre at which a perspective camera sees all of it, with `margin` to spare, m. */
export function frameDistanceM(radiusM: number, verticalFovDeg: number, aspect: number, margin = 1.15): number {
  if (!(radiusM > 0) || !(verticalFovDeg > 0) || !(aspect > 0)) throw new Error(`frameDistanceM: radius, fov and aspect must be positive (got ${radiusM}, ${verticalFovDeg}, ${aspect})`);
  const halfV = (verticalFovDeg * DEG) / 2;
  const halfH = Math.atan(Math.tan(halfV) * aspect);
  return (radiusM / Math.sin(Math.min(halfV, halfH))) * margin;
}

/**
 * Unit vector from a target to the camera for a compass azimuth (degrees clockwise from north,
 * the direction the camera stands in) and an elevation above the horizon, in the scene frame
 * (x = east, y = up, z = −north). Written into `out` at 0..2.
 */
export function viewDirection(azimuthDeg: number, elevationDeg: number, out: Float64Array | number[]): void {
  const az = azimuthDeg * DEG, el = elevationDeg * DEG;
  out[0] = Math.cos(el) * Math.sin(az);
  out[1] = Math.sin(el);
  out[2] = -Math.cos(el) * Math.cos(az);
}

/** Compass azimuth of the camera for tour stop `index`: the view swings round between stops so the wall never looks the same twice in a row. */
export function tourAzimuthDeg(index: number, startDeg = 200, stepDeg = 67): number {
  return (((startDeg + index * stepDeg) % 360) + 360) % 360;
}

/** Smooth start and stop, 0..1 → 0..1. */
export function easeInOutCubic(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2;
}

/** A camera move from one pose (position and look-at target) to another over a fixed time. */
export class CameraFlight {
  private readonly from = new Float64Array(6);
  private readonly to = new Float64Array(6);
  private startMs = 0;
  private durationMs = 0;
  private flying = false;

  /** Whether a flight is under way. */
  get active(): boolean {
    return this.flying;
  }

  /** Starts a flight; arrays hold x, y, z. */
  start(fromPosition: ArrayLike<number>, fromTarget: ArrayLike<number>, toPosition: ArrayLike<number>, toTarget: ArrayLike<number>, nowMs: number, durationMs: number): void {
    for (let k = 0; k < 3; k++) {
      this.from[k] = fromPosition[k]!; this.from[k + 3] = fromTarget[k]!;
      this.to[k] = toPosition[k]!; this.to[k + 3] = toTarget[k]!;
    }
    this.startMs = nowMs;
    this.durationMs = Math.max(1, durationMs);
    this.flying = true;
  }

  /** Stops where it is (the user took over). */
  cancel(): void {
    this.flying = false;
  }

  /**
   * Writes the pose at `nowMs` into `outPosition` / `outTarget`; returns false (writing nothing)
   * when no flight is under way. The last step lands exactly on the destination and ends the flight.
   */
  step(nowMs: number, outPosition: { x: number; y: number; z: number }, outTarget: { x: number; y: number; z: number }): boolean {
    if (!this.flying) return false;
    const t = (nowMs - this.startMs) / this.durationMs;
    const e = easeInOutCubic(t);
    const f = this.from, d = this.to;
    outPosition.x = f[0]! + (d[0]! - f[0]!) * e;
    outPosition.y = f[1]! + (d[1]! - f[1]!) * e;
    outPosition.z = f[2]! + (d[2]! - f[2]!) * e;
    outTarget.x = f[3]! + (d[3]! - f[3]!) * e;
    outTarget.y = f[4]! + (d[4]! - f[4]!) * e;
    outTarget.z = f[5]! + (d[5]! - f[5]!) * e;
    if (t >= 1) this.flying = false;
    return true;
  }
}

/** Compass azimuth (degrees clockwise from north, 0..360) of a scene-frame offset (x east, z −north). */
export function azimuthOfDeg(dx: number, dz: number): number {
  if (dx === 0 && dz === 0) return 0;
  const deg = Math.atan2(dx, -dz) / DEG;
  return (deg + 360) % 360;
}

/** Camera position that frames a sphere at `center` from unit `direction` (target → camera); written into `out`. */
export function framePose(center: ArrayLike<number>, radiusM: number, direction: ArrayLike<number>, verticalFovDeg: number, aspect: number, out: Float64Array | number[]): void {
  const d = frameDistanceM(radiusM, verticalFovDeg, aspect);
  for (let k = 0; k < 3; k++) out[k] = center[k]! + direction[k]! * d;
}

/** Smallest sphere a close-up frames, m: enough to show a vessel with its bund, pipes and detectors. */
export const MIN_FOCUS_RADIUS_M = 45;
/** How much surrounding a close-up shows around its subject (× its radius). */
export const FOCUS_CONTEXT = 1.8;

/** The radius to frame for a subject of radius `subjectRadiusM`: the subject with some of its surroundings. */
export function focusRadiusM(subjectRadiusM: number): number {
  return Math.max(MIN_FOCUS_RADIUS_M, subjectRadiusM * FOCUS_CONTEXT);
}

/**
 * A look-at target that puts `subject` at normalised device coordinates (ndcX, ndcY) — e.g.
 * up and to the left, clear of a detail card — for a camera standing `distanceM` from the
 * target along unit `direction` (target → camera, never straight up or down). Written into `out`.
 */
export function offsetTarget(subject: ArrayLike<number>, direction: ArrayLike<number>, distanceM: number, verticalFovDeg: number, aspect: number, ndcX: number, ndcY: number, out: Float64Array | number[]): void {
  const dx = direction[0]!, dy = direction[1]!, dz = direction[2]!;
  // Camera right = forward × world-up with forward = −direction: (dz, 0, −dx), normalised.
  const rLen = Math.hypot(dx, dz);
  if (rLen < 1e-9) throw new Error('offsetTarget: the view direction must not be vertical');
  const rx = dz / rLen, rz = -dx / rLen;
  // Camera up = right × forward, forward = −direction.
  const ux = rz * dy, uy = rx * dz - rz * dx, uz = -rx * dy;
  const halfH = distanceM * Math.tan((verticalFovDeg * Math.PI) / 360);
  const halfW = halfH * aspect;
  // Moving the target by −(ndcX·halfW) right and −(ndcY·halfH) up moves the subject to (ndcX, ndcY).
  out[0] = subject[0]! - rx * ndcX * halfW - ux * ndcY * halfH;
  out[1] = subject[1]! - uy * ndcY * halfH;
  out[2] = subject[2]! - rz * ndcX * halfW - uz * ndcY * halfH;
}
