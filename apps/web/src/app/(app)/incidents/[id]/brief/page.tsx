import Link from 'next/link';
import type { FireBrigadeBrief, IncidentDetailView } from '@safetwin/protocol';
import type { ChemicalPark } from '@safetwin/twin-models';
import { HubErrorPanel } from '../../../../../components/HubErrorPanel.tsx';
import { BriefMap } from '../../../../../components/incident/brief/BriefMap.tsx';
import { briefMap } from '../../../../../components/incident/brief/brief-map.ts';
import { PrintButton } from '../../../../../components/incident/brief/PrintButton.tsx';
import styles from '../../../../../components/incident/brief/Brief.module.css';
import { formatKm, formatPpm } from '../../../../../components/release/release-format.ts';
import { incidentMessages } from '../../../../../i18n/messages/incident.ts';
import { getLocale } from '../../../../../i18n/server.ts';
import { labelIn, nameIn, reasonIn, wordHubText } from '../../../../../i18n/hub-text.ts';
import { translator } from '../../../../../i18n/messages-core.ts';
import { hubIncident, hubIncidentBrief, hubSite } from '../../../../../lib/hub-client.ts';
import { pageHubError } from '../../../../../lib/hub-page-error.ts';
import { hubUrl } from '../../../../../lib/server-config.ts';
import { requireSession } from '../../../../../lib/session.ts';
import { valveLook } from '../../../../../live/incident-format.ts';

/** Size of the brief's map in SVG units (it scales to the page width). */
const MAP_W = 720;
const MAP_H = 420;

/**
 * `/incidents/:id/brief`: the fire brigade's brief, printable on A4 in the reader's language —
 * where, what and how much, the zones and the wind, the people, the valves, and the access route
 * for fire engines on a small map that needs no network; with its time of issue and a Print button.
 */
export default async function IncidentBriefPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const locale = await getLocale();
  const t = translator(incidentMessages, locale);
  let brief: FireBrigadeBrief, incident: IncidentDetailView, park: ChemicalPark | null;
  try {
    const session = await requireSession();
    [brief, incident] = await Promise.all([hubIncidentBrief(session.token, id), hubIncident(session.token, id)]);
    const site = (await hubSite(session.token, incident.siteId)) as { kind?: string };
    park = site.kind === 'chemical-park' ? (site as ChemicalPark) : null;
  } catch (error) {
    return <HubErrorPanel error={pageHubError(error)} hubUrl={hubUrl()} />;
  }
  const when = (ms: number) => new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const map = park ? briefMap(park, brief, incident.assessment, MAP_W, MAP_H) : null;
  const route = brief.accessRoute;
  const c = brief.chemical;
  const num = (v: number | null) => (v === null ? '—' : formatPpm(v));
  // The hub's words in the page's language; its English where a hub before did not send them.
  const title = reasonIn(brief.titleText ?? incident.titleText, brief.title, locale)!;
  const siteName = brief.siteNames ? nameIn(brief.siteNames, locale) : brief.siteName;
  const item = brief.location.name;
  const where = item === undefined ? brief.location.label : item ? `${nameIn(item, locale)} (${brief.location.itemId})` : t('briefPoint');
  const description = brief.location.descriptionTexts ? brief.location.descriptionTexts.map((d) => wordHubText(d, locale)).join(t('listSep')) : brief.location.description;
  const roads = route ? (route.roadNames ?? route.roads.map((en) => ({ zh: en, en }))).map((r) => nameIn(r, locale)) : [];
  const warnings = brief.warningTexts ? brief.warningTexts.map((w) => wordHubText(w, locale)) : brief.warnings;
  return (
    <article className={styles.page} lang={locale} data-testid="incident-brief">
      <title>{`${t('briefTitle')} · ${title}`}</title>
      <div className={styles.toolbar}>
        <Link href={`/sites/${encodeURIComponent(brief.siteId)}`}>{t('briefBack')}</Link>
        <PrintButton label={t('briefPrint')} />
      </div>
      <header className={styles.head}>
        {brief.drill ? <p className={styles.drill}>{t('drill')}</p> : null}
        <h1>
          {t('briefTitle')}
          {brief.level ? <span className={styles.level}>{t('levelWord', { level: brief.level })}</span> : null}
        </h1>
        <p className={styles.titleLine} data-testid="brief-title">
          <strong>{title}</strong> · {siteName}
        </p>
        <p className={styles.issued} data-testid="brief-issued">
          {t('briefIssued', { at: when(brief.preparedAt) })}
        </p>
      </header>

      <section className={styles.grid}>
        <div>
          <h2>{t('briefLocation')}</h2>
          <p>
            <strong>{where}</strong>
          </p>
          <p>{description}</p>
          <p className={styles.mono}>
            {brief.location.place.lonLat[1].toFixed(5)}° N, {brief.location.place.lonLat[0].toFixed(5)}° E
          </p>
          {brief.location.nearestGate ? <p>{t('briefNearestGate', { gate: `${labelIn(brief.location.nearestGate, locale)} (${Math.round(brief.location.nearestGate.distanceM)} m)` })}</p> : null}
        </div>
        <div>
          <h2>{t('briefChemical')}</h2>
          {c ? (
            <>
              <p>
                <strong>{c.names ? nameIn(c.names, locale) : c.name}</strong> ({c.id}
                {c.cas ? `, CAS ${c.cas}` : ''})
              </p>
              <p>{t('briefAegl', { a1: num(c.aeglPpm.aegl1), a2: num(c.aeglPpm.aegl2), a3: num(c.aeglPpm.aegl3) })}</p>
              <p>
                {c.flammable ? `⚠ ${t('briefFlammable')}${c.lelVolPct !== null ? ` (LEL ${c.lelVolPct} %)` : ''}` : t('briefNotFlammable')}
                {c.idlhPpm !== null ? ` · IDLH ${formatPpm(c.idlhPpm)} ppm` : ''}
              </p>
            </>
          ) : (
            <p>—</p>
          )}
          {brief.release ? <p>{t('briefRelease', { rate: brief.release.rateKgS.toFixed(2), total: Math.round(brief.release.totalKg) })}</p> : null}
        </div>
        <div>
          <h2>{t('briefZones')}</h2>
          <table className={styles.table}>
            <tbody>
              {[...brief.zones]
                .sort((a, b) => b.thresholdPpm - a.thresholdPpm)
                .map((z) => (
                  <tr key={z.level} data-testid="brief-zone">
                    <th>{z.level.toUpperCase()}</th>
                    <td>{formatPpm(z.thresholdPpm)} ppm</td>
                    <td>{formatKm(z.distanceM)} km</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <h2>{t('briefWind')}</h2>
          <p>{brief.wind ? t('briefWindValue', { deg: Math.round(brief.wind.fromDeg), speed: brief.wind.speedMS.toFixed(1), stability: brief.wind.stability }) : '—'}</p>
        </div>
        <div>
          <h2>{t('briefPeople')}</h2>
          <table className={styles.table}>
            <tbody>
              {(['inZone', 'evacuating', 'sheltered', 'safe'] as const).map((k) => (
                <tr key={k}>
                  <th>{t(k)}</th>
                  <td>{brief.people[k]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('briefValves')}</h2>
          <table className={styles.table}>
            <tbody>
              {brief.valves.map((v) => (
                <tr key={v.valveId}>
                  <th className={styles.mono}>{v.valveId}</th>
                  <td>{t(v.actuation)}</td>
                  <td>
                    {valveLook(v.state).glyph} {t(valveLook(v.state).key)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className={styles.access}>
        <h2>{t('briefAccess')}</h2>
        {route ? (
          <>
            <p data-testid="brief-access">
              <strong>{t('briefAccessFrom', { gate: labelIn(route.gate, locale), lengthM: Math.round(route.lengthM) })}</strong>
              {roads.length > 0 ? ` · ${roads.join(' → ')}` : ''} → {labelIn(route.staging, locale)}
            </p>
            <p className={styles.muted}>{reasonIn(route.reasonText, route.reason, locale)}</p>
          </>
        ) : (
          <p>—</p>
        )}
        {map ? <BriefMap map={map} labels={{ gate: route ? labelIn(route.gate, locale) : '', staging: route ? labelIn(route.staging, locale) : '', source: where }} /> : null}
      </section>
      {warnings.length > 0 ? (
        <ul className={styles.warnings}>
          {warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
