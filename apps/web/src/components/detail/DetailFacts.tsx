'use client';

import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { detailMessages } from '../../i18n/messages/detail.ts';
import type { DeviceDescription } from './device-description.ts';
import styles from './SensorDetail.module.css';

/** Owner, place, position and reporting interval of a device. */
export function DetailFacts({ desc }: { desc: DeviceDescription }) {
  const t = useT(detailMessages);
  const locale = useLocale();
  const name = (n: { zh: string; en: string }) => (locale === 'zh-CN' ? n.zh : n.en);
  const p = desc.place;
  const where =
    p.kind === 'equipment' || p.kind === 'mine-equipment'
      ? t('onEquipment', { name: name(p.name) })
      : p.kind === 'roadway'
        ? t('inRoadway', { name: name(p.name) })
        : p.kind === 'valve'
          ? t('valveAt', { name: name(p.name) })
          : p.kind === 'pipe'
            ? t('onPipe', { id: p.id, chemical: p.chemical })
            : p.kind === 'miner'
              ? t('minerTag', { person: p.person, team: p.team })
              : t('siteLevel');
  const pos = desc.position;
  return (
    <dl className={styles.facts}>
      <div>
        <dt>{t('owner')}</dt>
        <dd>{desc.enterpriseName ? name(desc.enterpriseName) : desc.enterpriseId ?? t('siteWide')}</dd>
      </div>
      <div>
        <dt>{t('where')}</dt>
        <dd>
          {where}
          {pos ? (
            <span className={styles.pos}>
              {' · '}
              {t('position', {
                e: Math.round(pos.eastM),
                n: Math.round(pos.northM),
                h: pos.upM < 0 ? t('depth', { d: Math.round(-pos.upM) }) : t('heightUp', { u: Math.round(pos.upM * 10) / 10 }),
              })}
            </span>
          ) : null}
          {desc.intervalMs ? <span className={styles.pos}> · {t('interval', { s: desc.intervalMs / 1000 })}</span> : null}
        </dd>
      </div>
    </dl>
  );
}
