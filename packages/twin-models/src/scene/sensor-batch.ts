// Sensor markers, shared by parks and mines: one diamond per sensor, resting on its point.
import type { Sensor } from '../schema/sensor.ts';
import { BatchWriter } from './batch-writer.ts';
import { sceneX, sceneY, sceneZ } from './frame.ts';
import { PARK_COLORS, SENSOR_PENDING_COLOR } from './structure-colors.ts';
import type { InstanceBatch } from './types.ts';

/** Sensor markers for every sensor but weather stations (those get a mast, see {@link weatherStationBatch}). */
export function sensorBatch(sensors: readonly Sensor[], markerSizeM: number): InstanceBatch {
  let capacity = 0;
  for (const s of sensors) if (s.kind !== 'weather') capacity++;
  const out = new BatchWriter({ kind: 'sensor', primitive: 'octahedron', capacity, live: 'sensor', pickable: true });
  for (const s of sensors) {
    if (s.kind === 'weather') continue;
    const p = s.position;
    // The lower tip touches the sensor's point, so a detector at 0.5 m is not buried in the ground.
    out.addAligned(s.id, s.id, sceneX(p.eastM), sceneY(p.upM) + markerSizeM / 2, sceneZ(p.northM), markerSizeM, markerSizeM, markerSizeM, SENSOR_PENDING_COLOR);
  }
  return out.finish();
}

/** Weather stations as masts from the ground up to the instruments; coloured by live state like sensors. */
export function weatherStationBatch(sensors: readonly Sensor[], markerSizeM: number, groundUpM: number): InstanceBatch {
  let capacity = 0;
  for (const s of sensors) if (s.kind === 'weather') capacity++;
  const out = new BatchWriter({ kind: 'weather-station', primitive: 'cylinder', capacity, live: 'sensor', pickable: true });
  for (const s of sensors) {
    if (s.kind !== 'weather') continue;
    const p = s.position;
    const x = sceneX(p.eastM), z = sceneZ(p.northM);
    const topY = Math.max(sceneY(p.upM), sceneY(groundUpM) + markerSizeM);
    out.addSpan(s.id, s.id, x, sceneY(groundUpM), z, x, topY, z, markerSizeM * 0.5, PARK_COLORS.weatherMast);
  }
  return out.finish();
}
