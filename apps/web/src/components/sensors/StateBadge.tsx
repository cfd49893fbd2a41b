import { STATE_LABELS, type DeviceState } from '../../live/device-state.ts';

/** Shapes that go with each state's colour, so states read without colour too. */
const STATE_SHAPES: Record<DeviceState, string> = {
  live: '●',
  stale: '◇',
  offline: '○',
  'no-data': '—',
  waiting: '…',
};

/** A device state as shape + word + colour. */
export function StateBadge({ state }: { state: DeviceState }) {
  return (
    <span className={`state-badge state-badge--${state}`}>
      <span className="state-badge__shape" aria-hidden="true">
        {STATE_SHAPES[state]}
      </span>
      {STATE_LABELS[state]}
    </span>
  );
}
