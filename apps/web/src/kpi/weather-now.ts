// The site's weather for the KPI panel: the chosen station's latest reading, whether it is live,
// the wind as "from NE, 3.2 m/s" with the direction it blows to, and the Pasquill class computed
// only from live data (stale weather is shown as stale and gives no class), from the station's
// 10-minute mean wind and radiation where the wall has them (station-wind.ts), else the reading's.
import type { GeoOrigin, Sensor } from '@safetwin/twin-models';
import { deviceState, lastHeardMs, type DeviceState, type LinkState } from '../live/device-state.ts';
import type { LatestSample } from '../live/merge-batch.ts';
import { siteStability, type SiteStability } from './site-stability.ts';
import type { WindMean } from './station-wind.ts';
import { compassPoint, pickWeatherStation, windToDeg, type CompassPoint } from './wind.ts';

/** The weather panel's content. */
export type WeatherNow =
  | { status: 'no-station' }
  | { status: 'no-data'; deviceId: string }
  | {
      status: 'live' | 'stale' | 'offline';
      deviceId: string;
      /** Sensor time of the reading shown, epoch ms. */
      observedAtMs: number;
      /** Mast height above ground, m. */
      stationHeightM: number;
      windSpeedMS: number | null;
      windFromDeg: number | null;
      windFrom: CompassPoint | null;
      windToDeg: number | null;
      airTempC: number | null;
      /** Only while live: a class from stale weather would be presented as current. */
      stability: SiteStability | null;
    };

/** What the weather needs from the wall. */
export interface WeatherInputs {
  /** The site's weather stations (sensors of kind `weather`) the user may see. */
  stations: readonly Pick<Sensor, 'id' | 'intervalMs' | 'position'>[];
  get: (deviceId: string) => LatestSample | undefined;
  origin: GeoOrigin;
  nowMs: number;
  link: LinkState;
  /** The stations' recent mean wind (a StationWind); absent, or no mean for the station: the class from the latest reading alone. */
  means?: { mean(deviceId: string, nowMs: number): WindMean | null };
}

const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

/** The weather to show now. */
export function weatherNow({ stations, get, origin, nowMs, link, means }: WeatherInputs): WeatherNow {
  if (stations.length === 0) return { status: 'no-station' };
  const states = new Map<string, DeviceState>();
  const chosen = pickWeatherStation(
    stations.map((s) => {
      const sample = get(s.id);
      const state = deviceState(sample, s.intervalMs, nowMs, link);
      states.set(s.id, state);
      return { deviceId: s.id, heightM: s.position.upM, live: state === 'live', lastHeardMs: sample ? lastHeardMs(sample) : null };
    }),
  )!;
  const sample = get(chosen.deviceId);
  const state = states.get(chosen.deviceId)!;
  if (!sample || state === 'no-data' || state === 'waiting') return { status: 'no-data', deviceId: chosen.deviceId };
  const v = sample.reading.values;
  const windSpeedMS = finite(v.wind_speed_ms);
  const windFromDeg = finite(v.wind_dir_deg);
  const status = state === 'live' ? 'live' : state === 'stale' ? 'stale' : 'offline';
  let stability: SiteStability | null = null;
  if (status === 'live' && windSpeedMS !== null && windSpeedMS >= 0) {
    const mean = means?.mean(chosen.deviceId, sample.reading.ts) ?? null;
    stability = siteStability({
      windSpeedMS: mean?.windSpeedMS ?? windSpeedMS,
      windAveragedOverMs: mean && mean.samples > 1 ? mean.spanMs : null,
      anemometerHeightM: chosen.heightM,
      solarRadWM2: mean?.solarRadWM2 ?? finite(v.solar_rad_w_m2),
      tMs: sample.reading.ts, latDeg: origin.latDeg, lonDeg: origin.lonDeg,
    });
  }
  return {
    status,
    deviceId: chosen.deviceId,
    observedAtMs: sample.reading.ts,
    stationHeightM: chosen.heightM,
    windSpeedMS,
    windFromDeg,
    windFrom: windFromDeg === null ? null : compassPoint(windFromDeg),
    windToDeg: windFromDeg === null ? null : windToDeg(windFromDeg),
    airTempC: finite(v.air_temp_c),
    stability,
  };
}
