'use client';

import { memo } from 'react';
import type { DeviceGroup } from '../../live/device-filter.ts';
import type { AlarmStore } from '../../live/alarm-store.ts';
import type { LinkState } from '../../live/device-state.ts';
import type { LiveStore } from '../../live/live-store.ts';
import { SensorRow } from './SensorRow.tsx';

/** Props of the sensor table. */
export interface SensorTableProps {
  groups: DeviceGroup[];
  store: LiveStore;
  /** Standing alarms: rows with one show its badge. */
  alarms: AlarmStore;
  /** The hub link; while it is down the table is dimmed and no row reads LIVE. */
  link: LinkState;
}

/** The grouped sensor table; re-renders only when the filter, grouping or link state changes, never per reading. */
export const SensorTable = memo(function SensorTable({ groups, store, alarms, link }: SensorTableProps) {
  if (groups.length === 0) return <p className="empty-note">No sensors match this filter.</p>;
  return (
    <div className={link === 'down' ? 'sensor-table-wrap sensor-table-wrap--offline' : 'sensor-table-wrap'} aria-live="off">
      <table className="sensor-table">
        <colgroup>
          <col className="sensor-table__col-id" />
          <col className="sensor-table__col-kind" />
          <col className="sensor-table__col-owner" />
          <col />
          <col className="sensor-table__col-age" />
          <col className="sensor-table__col-state" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Kind</th>
            <th scope="col">Enterprise</th>
            <th scope="col">Values</th>
            <th scope="col">Last reading</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key} data-group={group.key}>
            <tr className="sensor-table__group">
              <th colSpan={6} scope="colgroup">
                {group.title} <span className="sensor-table__count">{group.devices.length}</span>
              </th>
            </tr>
            {group.devices.map((device) => (
              <SensorRow key={device.deviceId} device={device} store={store} alarms={alarms} link={link} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
});
