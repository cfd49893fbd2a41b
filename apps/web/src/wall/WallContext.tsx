'use client';

import { createContext, useContext } from 'react';
import type { Site } from '@safetwin/twin-models';
import type { LinkState } from '../live/device-state.ts';
import type { LiveStore } from '../live/live-store.ts';
import type { StationWind } from '../kpi/station-wind.ts';
import type { AlarmStore } from '../live/alarm-store.ts';
import type { HubConnection } from '../live/use-hub-socket.ts';
import type { DeviceInfo } from '../lib/hub-types.ts';
import type { Role } from '@safetwin/protocol';
import { sensorVisualState, type SensorVisualState } from './sensor-visual.ts';

/** What the wall's camera and map are asked to look at: a device, a piece of equipment, a POI … */
export interface WallFocus {
  kind: 'device' | 'equipment' | 'poi' | 'site';
  id: string;
}

/** Everything the site wall's panels share: the site, its live data, the link, and the selection. */
export interface WallState {
  /** The site description, already scoped to the user's role by the hub. */
  site: Site;
  /** The devices the user may see, by deviceId. */
  devices: ReadonlyMap<string, DeviceInfo>;
  live: LiveStore;
  /** The weather stations' recent wind, for the stability class (absent on benchmark walls: the class from one reading). */
  stationWind?: StationWind;
  alarms: AlarmStore;
  connection: HubConnection;
  /** The link as staleness rules need it. */
  link: LinkState;
  role: Role;
  /** The user's hub token (for REST calls from the browser). */
  token: string;
  /** The hub's base URL as this browser reaches it; null until resolved after mount. */
  hubUrl: string | null;
  selectedDeviceId: string | null;
  selectDevice(deviceId: string | null): void;
  focus: WallFocus | null;
  setFocus(focus: WallFocus | null): void;
}

const WallContext = createContext<WallState | null>(null);

/** Provides the wall state (set by `SiteWall`). */
export const WallProvider = WallContext.Provider;

/** The wall state; throws outside the site wall, where it would be a programming error. */
export function useWall(): WallState {
  const wall = useContext(WallContext);
  if (!wall) throw new Error('useWall() used outside <SiteWall>');
  return wall;
}

/** A device's visual state at `nowMs` from the wall's stores (unknown devices show as no data). */
export function deviceVisual(wall: Pick<WallState, 'live' | 'alarms' | 'devices' | 'link'>, deviceId: string, nowMs: number): SensorVisualState {
  const device = wall.devices.get(deviceId);
  if (!device) return 'no-data';
  return sensorVisualState(wall.live.get(deviceId), wall.alarms.forDevice(deviceId), device.intervalMs, nowMs, wall.link);
}
