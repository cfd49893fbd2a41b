'use client';

import { useMemo, useState } from 'react';
import { reasonIn } from '../../i18n/hub-text.ts';
import { actorIn } from '../../i18n/actors.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { mineMessages } from '../../i18n/messages/mine.ts';
import { formatAge } from '../../live/format.ts';
import { PERSON_LOOK, withdrawalOverview, type WithdrawalOverview } from '../../live/mine-format.ts';
import type { PersonState } from '../../live/mine-types.ts';
import { useNow } from '../../live/NowProvider.tsx';
import { rgbCss } from '../../wall/palette.ts';
import { useMine } from './MineProvider.tsx';
import { WithdrawalForm } from './WithdrawalForm.tsx';
import kpi from '../kpi/KpiPanel.module.css';
import styles from './Mine.module.css';

const STATE_ORDER: readonly PersonState[] = ['no-route', 'paged', 'acknowledged', 'withdrawing', 'safe'];

/**
 * The withdrawals under way: each order (reason, time since, who ordered it, how many still
 * inside), then over all of them how many are still inside, acknowledged and safe, and who is
 * still inside and where (by roadway, each person's state by glyph and colour, with the states'
 * words and counts); the order form for the commander and the mine's manager.
 */
export function WithdrawalPanel() {
  const mine = useMine();
  const t = useT(mineMessages);
  const [ordering, setOrdering] = useState(false);
  const overview = useMemo(() => (mine?.people ? withdrawalOverview(mine.people) : null), [mine?.people]);
  if (!mine) return null;
  const done = overview?.done ?? mine.people?.withdrawals.length ?? 0;
  return (
    <section className={`${kpi.card} ${overview ? styles.cardWarn : ''}`} data-testid="mine-withdrawal" data-active={overview !== null} data-still-inside={mine.people?.stillInside} aria-label={t('withdrawalTitle')}>
      <h2 className={`${kpi.title} ${styles.titleRow}`}>
        <span>{t('withdrawalTitle')}</span>
        {mine.canOrder && !ordering ? (
          <button type="button" className={styles.button} onClick={() => setOrdering(true)} data-testid="mine-order-open">
            {t('orderButton')}
          </button>
        ) : null}
      </h2>
      {ordering ? <WithdrawalForm onDone={() => setOrdering(false)} /> : null}
      {overview ? <WithdrawalFigures overview={overview} /> : <p className={kpi.muted}>{t('withdrawalNone')}</p>}
      {done > 0 ? <p className={kpi.muted}>{t('withdrawalEarlier', { n: done })}</p> : null}
    </section>
  );
}

/** Orders listed by name before the rest fold into a count. */
const ORDERS_LISTED = 3;

function WithdrawalFigures({ overview }: { overview: WithdrawalOverview }) {
  const mine = useMine()!;
  const t = useT(mineMessages);
  const locale = useLocale();
  const now = useNow();
  const { people, inside, active } = overview;
  const counts = STATE_ORDER.map((s) => [s, people.filter((p) => p.state === s).length] as const).filter(([, n]) => n > 0);
  return (
    <div>
      <ul className={styles.list}>
        {active.slice(0, ORDERS_LISTED).map((s) => (
          <li key={s.withdrawal.id} data-withdrawal-id={s.withdrawal.id}>
            <span className={styles.name}>{reasonIn(s.withdrawal.reasonText, s.withdrawal.reason, locale)}</span>
            <span className={styles.detail}>
              {' '}· {now > 0 ? t('withdrawalSince', { age: formatAge(now - s.withdrawal.at) }) : null} · {t('withdrawalBy', { who: actorIn(s.withdrawal.orderedBy, locale) })} · {s.inside.length} {t('withdrawalInside')}
            </span>
          </li>
        ))}
        {active.length > ORDERS_LISTED ? <li className={kpi.muted}>+{active.length - ORDERS_LISTED}</li> : null}
      </ul>
      <div className={styles.figures}>
        <Figure value={inside.length} label={t('withdrawalInside')} colour={inside.length > 0 ? 'var(--level-red)' : 'var(--live)'} testId="mine-still-inside" />
        <Figure value={overview.acknowledged} label={`${t('withdrawalAcked')} ${t('withdrawalOf', { n: people.length })}`} colour="var(--level-blue)" testId="mine-acknowledged" />
        <Figure value={overview.safe} label={`${t('withdrawalSafe')} ${t('withdrawalOf', { n: people.length })}`} colour="var(--live)" testId="mine-safe" />
      </div>
      <p className={styles.people} data-testid="mine-state-counts">
        {counts.map(([s, n]) => (
          <span key={s} style={{ color: rgbCss(PERSON_LOOK[s].rgb) }} data-person-state-count={s}>
            {PERSON_LOOK[s].glyph} {t(PERSON_LOOK[s].key)} {n}
          </span>
        ))}
      </p>
      <ul className={styles.list}>
        {overview.insideByRoadway.map((g) => (
          <li key={g.roadwayId ?? '-'} data-roadway-id={g.roadwayId ?? undefined}>
            <span className={styles.name}>{t('withdrawalWhere', { roadway: g.roadwayId ? mine.roadwayName(g.roadwayId) : t('withdrawalUnlocated'), n: g.people.length })}</span>
            <span className={styles.people}>
              {g.people.map((p) => (
                <span key={p.personId} style={{ color: rgbCss(PERSON_LOOK[p.state].rgb) }} title={t(PERSON_LOOK[p.state].key)} data-person-id={p.personId} data-person-state={p.state}>
                  {PERSON_LOOK[p.state].glyph} {p.name}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Figure({ value, label, colour, testId }: { value: number; label: string; colour: string; testId: string }) {
  return (
    <div className={styles.figure}>
      <span className={kpi.big} style={{ color: colour }} data-testid={testId}>
        {value}
      </span>
      <span className={styles.figureLabel}>{label}</span>
    </div>
  );
}
