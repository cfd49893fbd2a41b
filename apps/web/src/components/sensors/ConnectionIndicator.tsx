import type { ConnectionStatus } from '../../live/use-hub-socket.ts';

const LABELS: Record<ConnectionStatus, { shape: string; text: string }> = {
  connecting: { shape: '…', text: 'CONNECTING' },
  live: { shape: '●', text: 'HUB LIVE' },
  lost: { shape: '✕', text: 'HUB LOST' },
  refused: { shape: '✕', text: 'REFUSED' },
};

/** A compact chip with the hub link state (shape + word + colour). */
export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const label = LABELS[status];
  return (
    <span className={`link-chip link-chip--${status}`} data-connection={status}>
      <span aria-hidden="true">{label.shape}</span> {label.text}
    </span>
  );
}
