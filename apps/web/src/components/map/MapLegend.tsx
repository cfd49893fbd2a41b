'use client';

import { useState, type ReactElement } from 'react';
import type { Site } from '@safetwin/twin-models';
import { useT } from '../../i18n/I18nProvider.tsx';
import { mapMessages } from '../../i18n/messages/map.ts';
import { rgbCss } from '../../wall/palette.ts';
import { SENSOR_VISUAL_STYLES, type SensorVisualState } from '../../wall/sensor-visual.ts';
import { AREA_STYLE, MINER_RGBA, POI_STYLE, ROAD_RGBA, ROADWAY_RGBA, rgbaCss } from './map-style.ts';
import styles from './MapPanel.module.css';

type Key = keyof (typeof mapMessages)['en'];

/** The sensor states in the order the legend lists them, with their words. */
const STATE_ROWS: ReadonlyArray<[SensorVisualState, long: Key, short: Key]> = [
  ['critical', 'stateCritical', 'shortCritical'],
  ['alarm', 'stateAlarm', 'shortAlarm'],
  ['warning', 'stateWarning', 'shortWarning'],
  ['advisory', 'stateAdvisory', 'shortAdvisory'],
  ['normal', 'stateNormal', 'shortNormal'],
  ['stale', 'stateStale', 'shortStale'],
  ['offline', 'stateOffline', 'shortOffline'],
  ['no-data', 'stateNoData', 'shortNoData'],
];

/** A legend swatch: a glyph in a colour, or a line, or a filled box. */
function Swatch({ kind, colour, glyph }: { kind: 'glyph' | 'line' | 'box' | 'ring'; colour: string; glyph?: string }) {
  if (kind === 'glyph') return <span className={styles.swatchGlyph} style={{ color: colour }}>{glyph}</span>;
  if (kind === 'ring') return <span className={styles.swatchRing} style={{ borderColor: colour }} />;
  return <span className={kind === 'line' ? styles.swatchLine : styles.swatchBox} style={{ background: colour }} />;
}

/** The map's legend: a compact strip of the sensor states (shape + colour + word) always; everything, with full words, when opened. */
export function MapLegend({ siteKind }: { siteKind: Site['kind'] }) {
  const t = useT(mapMessages);
  const [open, setOpen] = useState(false);
  const dot = (state: SensorVisualState) => {
    const style = SENSOR_VISUAL_STYLES[state];
    if (style.shape === 'ring') return <Swatch kind="ring" colour={rgbCss(style.rgb)} />;
    return <Swatch kind="glyph" colour={rgbCss(style.rgb)} glyph={style.glyph} />;
  };
  const features: Array<[Key, ReactElement]> =
    siteKind === 'chemical-park'
      ? [
          ['road', <Swatch key="r" kind="line" colour={rgbaCss(ROAD_RGBA)} />],
          ['plot', <Swatch key="p" kind="box" colour={rgbaCss(AREA_STYLE.enterprise.line)} />],
          ['building', <Swatch key="b" kind="box" colour={rgbaCss(AREA_STYLE.building.fill)} />],
          ['equipment', <Swatch key="e" kind="box" colour={rgbaCss(AREA_STYLE.equipment.fill)} />],
          ['dike', <Swatch key="d" kind="ring" colour={rgbaCss(AREA_STYLE.dike.line)} />],
          ['gate', <Swatch key="g" kind="glyph" colour={rgbCss(POI_STYLE.gate.rgb)} glyph={POI_STYLE.gate.glyph} />],
          ['assemblyPoint', <Swatch key="a" kind="glyph" colour={rgbCss(POI_STYLE['assembly-point'].rgb)} glyph={POI_STYLE['assembly-point'].glyph} />],
        ]
      : [
          ['intakeAirway', <Swatch key="i" kind="line" colour={rgbaCss(ROADWAY_RGBA['intake-airway'])} />],
          ['returnAirway', <Swatch key="r" kind="line" colour={rgbaCss(ROADWAY_RGBA['return-airway'])} />],
          ['haulage', <Swatch key="h" kind="line" colour={rgbaCss(ROADWAY_RGBA.haulage)} />],
          ['longwallFace', <Swatch key="f" kind="line" colour={rgbaCss(ROADWAY_RGBA['longwall-face'])} />],
          ['heading', <Swatch key="d" kind="line" colour={rgbaCss(ROADWAY_RGBA.heading)} />],
          ['ventDuct', <Swatch key="v" kind="line" colour={rgbaCss(ROADWAY_RGBA['vent-duct'])} />],
          ['shaft', <Swatch key="s" kind="glyph" colour={rgbCss(POI_STYLE.shaft.rgb)} glyph={POI_STYLE.shaft.glyph} />],
          ['refugeChamber', <Swatch key="c" kind="glyph" colour={rgbCss(POI_STYLE['refuge-chamber'].rgb)} glyph={POI_STYLE['refuge-chamber'].glyph} />],
          ['miner', <Swatch key="m" kind="glyph" colour={rgbaCss(MINER_RGBA.live)} glyph="●" />],
          ['minerSilent', <Swatch key="n" kind="ring" colour={rgbaCss(MINER_RGBA.silent)} />],
          ['minerSos', <Swatch key="o" kind="glyph" colour={rgbaCss(MINER_RGBA.sos)} glyph="●" />],
        ];
  return (
    <div className={styles.legend} data-open={open} data-map-legend="">
      <div className={styles.legendHead}>
        <button type="button" className={styles.legendToggle} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {t('legend')} {open ? '▾' : '▸'}
        </button>
        {open ? null : (
          <ul className={styles.legendStrip}>
            {STATE_ROWS.map(([state, , short]) => (
              <li key={state} data-state={state}>
                {dot(state)}
                {t(short)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {open ? (
        <ul className={styles.legendList}>
          {STATE_ROWS.map(([state, long]) => (
            <li key={state} data-state={state}>
              {dot(state)}
              {t(long)}
            </li>
          ))}
          {features.map(([key, swatch]) => (
            <li key={key}>
              {swatch}
              {t(key)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
