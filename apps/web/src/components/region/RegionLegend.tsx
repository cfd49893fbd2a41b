'use client';

import { useT } from '../../i18n/I18nProvider.tsx';
import { regionMessages } from '../../i18n/messages/region.ts';
import { RISK_COLOURS } from '../../lib/region-status.ts';
import { rgbCss } from '../../wall/palette.ts';
import { NOT_CURRENT_STYLE, RISK_MEANING_KEYS, RISK_STYLES, RISK_WORD_KEYS } from './risk-style.ts';
import styles from './RegionLegend.module.css';

/** The four-colour scale as the globe draws it (shape, colour, word, meaning), and the grey "not current" ring. */
export function RegionLegend() {
  const t = useT(regionMessages);
  return (
    <section className={styles.legend} aria-label={t('legendTitle')}>
      <h2 className={styles.title}>{t('legendTitle')}</h2>
      <ul className={styles.rows}>
        {RISK_COLOURS.map((risk) => (
          <li key={risk} className={styles.row}>
            <span aria-hidden="true" className={styles.glyph} style={{ color: rgbCss(RISK_STYLES[risk].rgb) }}>
              {RISK_STYLES[risk].glyph}
            </span>
            <span className={styles.word}>{t(RISK_WORD_KEYS[risk])}</span>
            <span className={styles.meaning}>{t(RISK_MEANING_KEYS[risk])}</span>
          </li>
        ))}
        <li className={styles.row}>
          <span aria-hidden="true" className={styles.glyph} style={{ color: rgbCss(NOT_CURRENT_STYLE.rgb) }}>
            ?
          </span>
          <span className={styles.word}>{t('notCurrent')}</span>
          <span className={styles.meaning}>{t('notCurrentMeaning')}</span>
        </li>
      </ul>
    </section>
  );
}
