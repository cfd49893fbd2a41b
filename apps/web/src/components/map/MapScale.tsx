'use client';

import { useImperativeHandle, useState, type Ref } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { mapMessages } from '../../i18n/messages/map.ts';
import { metresPerPixel, scaleBar } from './scale-bar.ts';
import { useRootFontPx } from './use-element-size.ts';
import styles from './MapPanel.module.css';

/** The part of the view the scale bar and north arrow follow. */
export interface ScaleView {
  latitude: number;
  zoom: number;
  bearing?: number;
}

/** Lets the map push view changes (pan, zoom) without re-rendering the map itself. */
export interface MapScaleHandle {
  update(view: ScaleView): void;
}

/** Widest the scale bar may grow, px at an 18 px root font (it grows with the wall's type). */
const MAX_BAR_PX = 160;

/** Scale bar and north arrow of the map; re-renders only itself when the view changes. */
export function MapScale({ ref, initial }: { ref: Ref<MapScaleHandle>; initial: ScaleView | null }) {
  const t = useT(mapMessages);
  const [view, setView] = useState<ScaleView | null>(initial);
  const maxBarPx = (MAX_BAR_PX * useRootFontPx()) / 18;
  useImperativeHandle(ref, () => ({ update: (next) => setView((prev) => (prev && prev.latitude === next.latitude && prev.zoom === next.zoom && prev.bearing === next.bearing ? prev : next)) }), []);
  if (!view) return null;
  const bar = scaleBar(metresPerPixel(view.latitude, view.zoom), maxBarPx);
  return (
    <div className={styles.scale}>
      <div className={styles.north} role="img" aria-label={t('northArrow')} style={{ transform: `rotate(${-(view.bearing ?? 0)}deg)` }}>
        <svg viewBox="0 0 24 32" width="1.5em" height="2em" aria-hidden="true">
          <path d="M12 2 L21 28 L12 22 L3 28 Z" fill="currentColor" stroke="#080d13" strokeWidth="1.5" />
        </svg>
        <span className={styles.northLetter}>{t('north')}</span>
      </div>
      {bar ? (
        <div className={styles.bar} aria-label={t('scaleBar', { label: bar.label })}>
          <span className={styles.barLabel}>{bar.label}</span>
          <span className={styles.barLine} style={{ width: `${bar.widthPx.toFixed(1)}px` }} />
        </div>
      ) : null}
    </div>
  );
}
