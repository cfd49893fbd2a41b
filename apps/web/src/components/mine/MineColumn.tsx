'use client';

import { useT } from '../../i18n/I18nProvider.tsx';
import { mineMessages } from '../../i18n/messages/mine.ts';
import { GAS_LOOK, ROUTE_RGB } from '../../live/mine-format.ts';
import { GAS_STATES } from '../../live/mine-gas.ts';
import { rgbCss } from '../../wall/palette.ts';
import { escapeRoutes } from './mine-draw.ts';
import { useMine } from './MineProvider.tsx';
import { PowerPanel } from './PowerPanel.tsx';
import { WithdrawalPanel } from './WithdrawalPanel.tsx';
import { ZonesPanel } from './ZonesPanel.tsx';
import styles from './Mine.module.css';

/** The mine's cards in the situation column: the withdrawal, the power, the zones. Nothing on a park's wall. */
export function MineColumn() {
  const mine = useMine();
  if (!mine) return null;
  return (
    <div className={styles.column} data-testid="mine-column">
      <WithdrawalPanel />
      <PowerPanel />
      <ZonesPanel />
    </div>
  );
}

/** What the mine's colours on the plan and in the twin mean: gas bands by state, roof stretches, escape routes. */
export function MineLegend() {
  const mine = useMine();
  const t = useT(mineMessages);
  if (!mine) return null;
  const words = { 'power-cut': 'gasLegendCut', alarm: 'gasLegendAlarm', normal: 'gasLegendNormal', 'no-data': 'gasLegendNoData' } as const;
  return (
    <p className={styles.legend} data-map-cover="" data-testid="mine-legend" data-route-count={escapeRoutes(mine.people).length}>
      <span className={styles.legendTitle}>{t('gasTitle')}</span>
      {GAS_STATES.map((g) => (
        <span key={g} style={{ color: rgbCss(GAS_LOOK[g].rgb) }}>
          {GAS_LOOK[g].glyph} {t(words[g])}
        </span>
      ))}
      <span style={{ color: rgbCss(ROUTE_RGB) }}>➜ {t('routeLegend')}</span>
    </p>
  );
}
