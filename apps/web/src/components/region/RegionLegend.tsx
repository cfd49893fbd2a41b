'use client';

import { useT } from '../../i18n/I18nProvider.tsx';
import { regionMessages } from '../../i18n/messages/region.ts';
import { RISK_COLOURS } from '../../lib/region-status.ts';
import { rgbCss } from '../../wall/palette.ts';
import { NOT_CURRENT_STYLE, RISK_MEANING_KEYS, RISK_STYLES, RISK_WORD_KEYS } from './risk-style.ts';
import styles from './RegionLegend.module.css';

/** The four-colour scale as the globe draws it (shape, colour, word; the meaning on hover), and the "not current" ring. */
export function RegionLegend() {
  const t = useT(regionMessages);
  const items = [
    ...RISK_COLOURS.map((risk) => ({ key: risk, glyph: RISK_STYLES[risk].glyph, rgb: RISK_STYLES[risk].rgb, word: t(RISK_WORD_KEYS[risk]), meaning: t(RISK_MEANING_KEYS[risk]) })),
    { key: 'not-current', glyph: '?', rgb: NOT_CURRENT_STYLE.rgb, word: t('notCurrent'), meaning: t('notCurrentMeaning') },
  ];
  return (
    <section className={styles.legend} aria-label={t('legendTitle')}>
      <h2 className={styles.title}>{t('legendTitle')}</h2>
      <ul className={styles.items}>
        {items.map((item) => (
          <li key={item.key} className={styles.item} title={item.meaning}>
            <span aria-hidden="true" className={styles.glyph} style={{ color: rgbCss(item.rgb) }}>
              {item.glyph}
            </span>
            {item.word}
            <span className={styles.meaning}>{item.meaning}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
