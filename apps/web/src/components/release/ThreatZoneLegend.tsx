'use client';

import { useT } from '../../i18n/I18nProvider.tsx';
import { releaseMessages } from '../../i18n/messages/release.ts';
import { rgbCss } from '../../wall/palette.ts';
import { zoneRgb } from '../map/threat-zone-layers.ts';
import { formatKm, formatPpm } from './release-format.ts';
import { useRelease } from './ReleaseProvider.tsx';
import styles from './Release.module.css';

/** The plan's legend of a modelled release: each level with its ppm and distance, what the dashed lines and circles mean. */
export function ThreatZoneLegend() {
  const release = useRelease();
  const t = useT(releaseMessages);
  const shown = release?.shown;
  if (!shown) return null;
  const { zones } = shown.result;
  const levels = [...zones.metadata.zones].sort((a, b) => b.ppm - a.ppm);
  const calm = zones.features.some((f) => f.properties.kind === 'calm-circle');
  return (
    <div className={styles.mapLegend} data-testid="threat-legend" data-map-cover>
      <p className={styles.mapLegendTitle}>
        ☣ {t('legendTitle')} · {shown.result.chemical.id}
      </p>
      <ul>
        {levels.map((z) => (
          <li key={z.label}>
            <span className={styles.swatch} style={{ background: rgbCss(zoneRgb(z.color)) }} aria-hidden="true" />
            {z.label} · {formatPpm(z.ppm)} ppm · {z.distanceM > 1 ? `${formatKm(z.distanceM)} km` : t('levelNone')}
          </li>
        ))}
      </ul>
      <p className={styles.mapLegendNote}>{calm ? t('legendCalm') : `┅ ${t('legendUncertainty')}`}</p>
    </div>
  );
}
