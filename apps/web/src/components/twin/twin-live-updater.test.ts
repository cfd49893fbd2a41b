import { describe, expect, it } from 'vitest';
import { buildTwinScene, deviceCatalogue, getDemoSite, type Site } from '@safetwin/twin-models';
import type { LiveReading } from '@safetwin/protocol';
import { AlarmStore } from '../../live/alarm-store.ts';
import { alarmView } from '../../live/alarm-test-support.ts';
import { LiveStore } from '../../live/live-store.ts';
import { GRADE_RGB, STATE_RGB, type Rgb } from '../../wall/palette.ts';
import { createBatchMesh } from './batch-mesh.ts';
import { srgbToLinear } from './instance-painter.ts';
import { TwinLiveUpdater, type LiveSources } from './twin-live-updater.ts';

const NOW = 1_764_316_800_000;

function rig<K extends Site['kind']>(siteId: string, _kind: K) {
  const site = getDemoSite(siteId) as Extract<Site, { kind: K }>;
  const scene = buildTwinScene(site);
  const meshes = scene.batches.map((b) => createBatchMesh(b));
  const live = new LiveStore(() => {});
  const alarms = new AlarmStore();
  const sources: LiveSources = { live, alarms, devices: deviceCatalogue(site), link: 'up' };
  const updater = new TwinLiveUpdater(scene, meshes);
  const feed = (readings: LiveReading[], atMs: number) => { live.apply(readings, atMs); live.flush(); updater.markDirty(); };
  /** Linear colour of a device's instance. */
  const colorOf = (deviceId: string) => {
    const slot = scene.slotOf(deviceId)!;
    const a = meshes[slot.batchIndex]!.instanceColor!.array;
    return [a[slot.instance * 3]!, a[slot.instance * 3 + 1]!, a[slot.instance * 3 + 2]!];
  };
  const matrixOf = (deviceId: string) => {
    const slot = scene.slotOf(deviceId)!;
    return [...meshes[slot.batchIndex]!.instanceMatrix.array.slice(slot.instance * 16, slot.instance * 16 + 16)];
  };
  return { site, scene, meshes, live, alarms, sources, updater, feed, colorOf, matrixOf };
}

const linear = (rgb: Rgb) => rgb.map((v) => srgbToLinear(v / 255));
const expectColor = (actual: number[], rgb: Rgb, title: string) => actual.forEach((v, k) => expect(v, title).toBeCloseTo(linear(rgb)[k]!, 5));

describe('TwinLiveUpdater: chemical park', () => {
  it('colours a reporting sensor green, an alarmed one by level, and a silent one grey — never as live', () => {
    const r = rig('cp-nanjing', 'chemical-park');
    const sensor = r.site.sensors.find((s) => s.kind === 'gas-cl2')!;
    const other = r.site.sensors.find((s) => s.kind === 'gas-nh3')!;
    r.updater.frame(r.sources, NOW, 0.016);
    expectColor(r.colorOf(sensor.id), STATE_RGB.noData, 'never heard: no data');

    r.feed([{ deviceId: sensor.id, ts: NOW, seq: 1, values: { cl2_ppm: 0.1 } }, { deviceId: other.id, ts: NOW, seq: 1, values: { nh3_ppm: 1 } }], NOW);
    r.updater.frame(r.sources, NOW + 300, 0.016);
    expectColor(r.colorOf(sensor.id), STATE_RGB.normal, 'reporting');

    r.alarms.replace([alarmView({ deviceId: other.id, metric: 'nh3_ppm', level: 1 })]);
    r.updater.markDirty();
    r.updater.frame(r.sources, NOW + 600, 0.016);
    expectColor(r.colorOf(other.id), GRADE_RGB.red, 'level 1 alarm');
    const size = (m: number[]) => Math.hypot(m[0]!, m[1]!, m[2]!);
    expect(size(r.matrixOf(other.id))).toBeGreaterThan(size(r.matrixOf(sensor.id)));

    // No new reading: after 3 intervals the once-a-second repaint turns it stale without any event.
    r.updater.frame(r.sources, NOW + 3 * sensor.intervalMs + 1_000, 0.016);
    expectColor(r.colorOf(sensor.id), STATE_RGB.stale, 'silent for 3 intervals');
    expectColor(r.colorOf(other.id), STATE_RGB.stale, 'stale wins over its alarm');
  });

  it('shows the link going down as not live at the next frame', () => {
    const r = rig('cp-nanjing', 'chemical-park');
    const sensor = r.site.sensors[0]!;
    r.feed([{ deviceId: sensor.id, ts: NOW, seq: 1, values: Object.fromEntries(Object.keys(sensor.metrics).map((m) => [m, 0])) }], NOW);
    r.updater.frame(r.sources, NOW, 0.016);
    expectColor(r.colorOf(sensor.id), STATE_RGB.normal, 'live');
    r.updater.frame({ ...r.sources, link: 'down' }, NOW + 16, 0.016);
    expectColor(r.colorOf(sensor.id), STATE_RGB.offline, 'link down');
  });

  it('paints valves open green and closed red from open_pct, and leaves manual valves apart', () => {
    const r = rig('cp-nanjing', 'chemical-park');
    const [a, b] = r.site.pipes.valves.filter((v) => v.deviceId);
    r.feed([{ deviceId: a!.deviceId!, ts: NOW, seq: 1, values: { open_pct: 100 } }, { deviceId: b!.deviceId!, ts: NOW, seq: 1, values: { open_pct: 0 } }], NOW);
    r.updater.frame(r.sources, NOW, 0.016);
    expectColor(r.colorOf(a!.deviceId!), STATE_RGB.normal, 'open');
    expectColor(r.colorOf(b!.deviceId!), GRADE_RGB.red, 'closed');
  });

  it('does not rewrite buffers when nothing changed', () => {
    const r = rig('cp-nanjing', 'chemical-park');
    r.updater.frame(r.sources, NOW, 0.016);
    const sensorMesh = r.meshes.find((m) => m.name === 'sensor')!;
    const version = sensorMesh.instanceColor!.version;
    r.updater.frame(r.sources, NOW + 1_500, 0.016);
    expect(sensorMesh.instanceColor!.version).toBe(version);
  });
});

describe('TwinLiveUpdater: coal mine', () => {
  it('hides people until heard, then eases them toward their reported place', () => {
    const r = rig('cm-yangquan', 'coal-mine');
    const miner = r.site.miners[0]!;
    r.updater.frame(r.sources, NOW, 0.016);
    const slot = r.scene.slotOf(miner.tagDeviceId)!;
    const at = { x: 0, y: 0, z: 0 };
    expect(r.updater.positionOf(slot.batchIndex, slot.instance, at)).toBe(false);
    expect(r.matrixOf(miner.tagDeviceId)[5]).toBe(0);

    r.feed([{ deviceId: miner.tagDeviceId, ts: NOW, seq: 1, values: { east_m: 100, north_m: 400, up_m: -448, battery_pct: 90, sos: 0 } }], NOW);
    r.updater.frame(r.sources, NOW + 300, 0.016);
    expect(r.updater.positionOf(slot.batchIndex, slot.instance, at)).toBe(true);
    expect(at).toEqual({ x: 100, y: -448, z: -400 });
    expect(r.matrixOf(miner.tagDeviceId)[5]).toBeGreaterThan(0);

    r.feed([{ deviceId: miner.tagDeviceId, ts: NOW + 1_000, seq: 2, values: { east_m: 110, north_m: 400, up_m: -448, battery_pct: 90, sos: 1 } }], NOW + 1_000);
    r.updater.frame(r.sources, NOW + 1_300, 0.1);
    r.updater.positionOf(slot.batchIndex, slot.instance, at);
    expect(at.x).toBeGreaterThan(100);
    expect(at.x).toBeLessThan(110);
    expectColor(r.colorOf(miner.tagDeviceId), GRADE_RGB.red, 'SOS');
  });

  it('colours machines by their power feedback', () => {
    const r = rig('cm-yangquan', 'coal-mine');
    const [on, off] = r.site.equipment;
    r.feed([{ deviceId: on!.deviceId, ts: NOW, seq: 1, values: { powered: 1 } }, { deviceId: off!.deviceId, ts: NOW, seq: 1, values: { powered: 0 } }], NOW);
    r.updater.frame(r.sources, NOW, 0.016);
    expectColor(r.colorOf(on!.deviceId), STATE_RGB.normal, 'powered');
    expectColor(r.colorOf(off!.deviceId), GRADE_RGB.red, 'cut');
  });
});
