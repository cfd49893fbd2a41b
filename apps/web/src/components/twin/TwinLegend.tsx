'use client';

import { MINE_COLORS } from '@safetwin/twin-models';
import { useT } from '../../i18n/I18nProvider.tsx';
import { twinMessages } from '../../i18n/messages/twin.ts';
import type { MessageKey } from '../../i18n/messages-core.ts';
import { rgbCss, type Rgb } from '../../wall/palette.ts';
import { SENSOR_VISUAL_STYLES } from '../../wall/sensor-visual.ts';
import { POWER_STYLE, TAG_STYLE, VALVE_STYLE } from './live-visuals.ts';
import styles from './TwinPanel.module.css';

type Key = MessageKey<typeof twinMessages>;

interface Entry {
  glyph: string;
  color: string;
  label: Key;
}

const hexCss = (hex: number) => `#${hex.toString(16).padStart(6, '0')}`;
const css = (rgb: Rgb) => rgbCss(rgb);

/** Sensor states as drawn: colour, the wall's glyph for the state, and words. */
const SENSOR_ENTRIES: readonly Entry[] = [
  { glyph: SENSOR_VISUAL_STYLES.critical.glyph, color: css(SENSOR_VISUAL_STYLES.critical.rgb), label: 'stateCritical' },
  { glyph: SENSOR_VISUAL_STYLES.alarm.glyph, color: css(SENSOR_VISUAL_STYLES.alarm.rgb), label: 'stateAlarm' },
  { glyph: SENSOR_VISUAL_STYLES.warning.glyph, color: css(SENSOR_VISUAL_STYLES.warning.rgb), label: 'stateWarning' },
  { glyph: SENSOR_VISUAL_STYLES.advisory.glyph, color: css(SENSOR_VISUAL_STYLES.advisory.rgb), label: 'stateAdvisory' },
  { glyph: SENSOR_VISUAL_STYLES.normal.glyph, color: css(SENSOR_VISUAL_STYLES.normal.rgb), label: 'stateNormal' },
  { glyph: SENSOR_VISUAL_STYLES.stale.glyph, color: css(SENSOR_VISUAL_STYLES.stale.rgb), label: 'stateStale' },
  { glyph: SENSOR_VISUAL_STYLES['no-data'].glyph, color: css(SENSOR_VISUAL_STYLES['no-data'].rgb), label: 'stateNoData' },
];

const VALVE_ENTRIES: readonly Entry[] = [
  { glyph: '■', color: css(VALVE_STYLE.open.rgb), label: 'valveOpen' },
  { glyph: '■', color: css(VALVE_STYLE.closed.rgb), label: 'valveClosed' },
  { glyph: '■', color: css(VALVE_STYLE.moving.rgb), label: 'valveMoving' },
  { glyph: '□', color: css(VALVE_STYLE.stale.rgb), label: 'stateStale' },
  { glyph: '▪', color: css(VALVE_STYLE.manual.rgb), label: 'valveManual' },
];

const MACHINE_ENTRIES: readonly Entry[] = [
  { glyph: '▬', color: css(POWER_STYLE.powered.rgb), label: 'powerOn' },
  { glyph: '▬', color: css(POWER_STYLE.cut.rgb), label: 'powerCut' },
  { glyph: '▭', color: css(POWER_STYLE.stale.rgb), label: 'stateStale' },
];

const PEOPLE_ENTRIES: readonly Entry[] = [
  { glyph: '▮', color: css(TAG_STYLE.live.rgb), label: 'personLive' },
  { glyph: '▮', color: css(TAG_STYLE.sos.rgb), label: 'personSos' },
  { glyph: '▯', color: css(TAG_STYLE.stale.rgb), label: 'personStale' },
];

const AIR_ENTRIES: readonly Entry[] = [
  { glyph: '➤', color: hexCss(MINE_COLORS.arrowFresh), label: 'airFresh' },
  { glyph: '➤', color: hexCss(MINE_COLORS.arrowReturn), label: 'airReturn' },
];

/** What the twin's colours and shapes mean, for the kind of site shown. */
export function TwinLegend({ siteKind }: { siteKind: 'chemical-park' | 'coal-mine' }) {
  const t = useT(twinMessages);
  const groups: Array<{ title: Key; entries: readonly Entry[] }> = [
    { title: 'legendSensors', entries: SENSOR_ENTRIES },
    ...(siteKind === 'chemical-park'
      ? [{ title: 'legendValves' as const, entries: VALVE_ENTRIES }]
      : [
          { title: 'legendMachines' as const, entries: MACHINE_ENTRIES },
          { title: 'legendPeople' as const, entries: PEOPLE_ENTRIES },
          { title: 'legendAir' as const, entries: AIR_ENTRIES },
        ]),
  ];
  return (
    <aside className={styles.legend} aria-label={t('legendTitle')}>
      {groups.map((g) => (
        <section key={g.title} className={styles.legendGroup}>
          <h3 className={styles.legendTitle}>
            {t(g.title)}
            {g.title === 'legendSensors' ? <span className={styles.legendHint}> · {t('sizeHint')}</span> : null}
          </h3>
          <ul className={styles.legendList}>
            {g.entries.map((e) => (
              <li key={e.label} className={styles.legendItem}>
                <span aria-hidden="true" className={styles.legendGlyph} style={{ color: e.color }}>{e.glyph}</span>
                {t(e.label)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
