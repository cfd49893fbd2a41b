'use client';

import { useT } from '../../i18n/I18nProvider.tsx';
import { wallMessages } from '../../i18n/messages/wall.ts';
import type { ConnectionStatus } from '../../live/use-hub-socket.ts';
import styles from './SiteWall.module.css';

const SHAPES: Record<ConnectionStatus, string> = { connecting: '…', live: '●', lost: '✕', refused: '✕' };
const KEYS = { connecting: 'linkConnecting', live: 'linkLive', lost: 'linkLost', refused: 'linkRefused' } as const;

/** The hub link as shape + word + colour, large enough to read across the room. */
export function WallLink({ status }: { status: ConnectionStatus }) {
  const t = useT(wallMessages);
  return (
    <span className={`${styles.link} ${styles[`link_${status}`] ?? ''}`} data-connection={status} role="status">
      <span aria-hidden="true">{SHAPES[status]}</span> {t(KEYS[status])}
    </span>
  );
}
