// The brief for the fire brigade (FireBrigadeBrief): what the printable page and the
// `incident.fire-brigade` webhook carry — built from the incident as it stands (its latest
// assessment, valves and people) and the park description. Pure.
import { hubText, type FireBrigadeBrief, type IncidentAssessmentView, type IncidentView, type NamedPlaceView, type SiteName, type SitePlace } from '@safetwin/protocol';
import { findChemical } from '@safetwin/sim';
import { CHEMICAL_INFO, type ChemicalPark, type EnuPlan } from '@safetwin/twin-models';
import { said, type Said } from '../../said.ts';
import { idName, parkItem, sitePlace } from '../site-places.ts';
import { unpinnedRateSaid } from '../assessment/rate-caveat.ts';
import { accessRoute } from './access-route.ts';
import { nearestGate, nearestRoad, placeParts, type Landmark } from './site-landmarks.ts';

/** The brief of `incident` on `site` at `nowMs`. */
export function fireBrigadeBrief(site: ChemicalPark, incident: IncidentView, nowMs: number): FireBrigadeBrief {
  const a = incident.assessment;
  const warnings: Said[] = [];
  const place = sourcePlace(site, incident);
  const at: EnuPlan = { eastM: place.eastM, northM: place.northM };
  const named = (l: Landmark | null): NamedPlaceView | null => (l ? { id: l.id, label: l.label, name: l.name, place: sitePlace(site, l.position), distanceM: Math.round(l.distanceM * 10) / 10 } : null);
  const chosenId = a?.source.chosen.id ?? incident.declared?.equipmentId ?? null;
  const itemName: SiteName | null = chosenId ? (parkItem(site, chosenId)?.name ?? idName(chosenId)) : null;
  if (!a) warnings.push(said('no assessment yet: zones, wind and access route follow with the first assessment', 'brief.no-assessment'));
  else warnings.push(...locationCaveats(a.source), ...rateCaveats(a.source));

  const chemicalKey = incident.chemical ?? a?.source.candidates[0]?.chemical ?? null;
  const chem = chemicalKey ? findChemical(chemicalKey) : undefined;
  if (chemicalKey && !chem) warnings.push(said(`chemical ${chemicalKey} is not in the plume engine's library: hazards unknown`, 'brief.unknown-chemical', { chemical: chemicalKey }));

  let route: FireBrigadeBrief['accessRoute'] = null;
  if (a && a.zones.length > 0) {
    const r = accessRoute(site, at, a.zones, a.weather.windFromDeg);
    route = r.route;
    warnings.push(...r.warnings);
  } else if (a) {
    warnings.push(said('no threat zones in the latest assessment: approach upwind', 'brief.no-zones'));
  }
  const parts = placeParts(site, at, chosenId ?? undefined);
  const zh = chem ? (CHEMICAL_INFO as Record<string, { nameZh: string } | undefined>)[chem.id]?.nameZh : undefined;
  const groups = a?.evacuation?.groups ?? [];
  return {
    incidentId: incident.id,
    siteId: site.id,
    siteName: site.name.en,
    siteNames: site.name,
    title: incident.title,
    titleText: incident.titleText,
    drill: incident.origin === 'drill',
    level: incident.level,
    preparedAt: nowMs,
    location: {
      label: itemName ? `${itemName.en} (${chosenId})` : 'a point',
      itemId: chosenId,
      name: itemName,
      place,
      nearestGate: named(nearestGate(site, at)),
      nearestRoad: named(nearestRoad(site, at)),
      description: parts.map((s) => s.en).join('; '),
      descriptionTexts: parts.map((s) => s.text),
    },
    chemical: chem
      ? {
        id: chem.id,
        name: chem.name,
        names: { zh: zh ?? chem.name, en: chem.name },
        cas: chem.cas || null,
        flammable: chem.lelVolPct !== undefined,
        lelVolPct: chem.lelVolPct ?? null,
        aeglPpm: { aegl1: chem.aeglPpm?.aegl1.min60 ?? null, aegl2: chem.aeglPpm?.aegl2.min60 ?? null, aegl3: chem.aeglPpm?.aegl3.min60 ?? null },
        idlhPpm: chem.idlhPpm ?? null,
      }
      : null,
    release: a?.release ? { rateKgS: a.release.rateKgS, totalKg: a.release.totalKg, startedAt: a.release.startedAt, endsAt: a.release.endsAt } : null,
    zones: (a?.zones ?? []).map((z) => ({ level: z.level, thresholdPpm: z.thresholdPpm, distanceM: z.distanceM })),
    wind: a ? { speedMS: a.weather.windSpeedMS, fromDeg: a.weather.windFromDeg, stability: a.weather.stability } : null,
    people: {
      ...incident.people,
      evacuatingGroups: groups.filter((g) => g.decision === 'evacuate').length,
      shelteringGroups: groups.filter((g) => g.decision === 'shelter').length,
    },
    valves: incident.valves.map((v) => ({ valveId: v.valveId, actuation: v.actuation, state: v.state, place: v.place })),
    accessRoute: route,
    warnings: warnings.map((w) => w.en),
    warningTexts: warnings.map((w) => w.text),
  };
}

/**
 * What the brigade must know about how sure the location is: an estimated source the detectors cannot yet single out,
 * or one not more likely than not, says so and names the other candidates (the estimator ranks the true source first in
 * about 7 leaks of 10 on the demo park: packages/sim README), so nobody drives to one pipe on a 12 % guess.
 */
function locationCaveats(source: IncidentAssessmentView['source']): Said[] {
  if (source.chosen.from !== 'estimate') return [];
  const pct = (p: number) => `${Math.round(p * 100)} %`;
  if (!source.discriminating) {
    const why = source.reasonText ?? hubText('source.cannot-tell');
    return [said(`location not yet fixed by the detectors (${source.reason ?? 'too few see gas'}): the item nearest the highest reading is given`, 'brief.location-not-fixed', { why })];
  }
  const chosen = source.candidates.find((c) => c.id === source.chosen.id);
  if (!chosen || chosen.probability >= 0.5) return [];
  const others = source.candidates.filter((c) => c !== chosen).slice(0, 3);
  // The others as one name in each language: "label (id) p" each, listed as each language lists.
  const listed = (lang: 'zh' | 'en', sep: string) => others.map((c) => `${c.name?.[lang] ?? c.label} (${c.id}) ${pct(c.probability)}`).join(sep);
  const first = `location uncertain: ${chosen.id} is the most likely source at ${pct(chosen.probability)}`;
  if (others.length === 0) return [said(first, 'brief.location-uncertain-alone', { id: chosen.id, p: pct(chosen.probability) })];
  const en = `${first}; also possible: ${listed('en', ', ')}`;
  return [said(en, 'brief.location-uncertain', { id: chosen.id, p: pct(chosen.probability), others: { zh: listed('zh', '、'), en: listed('en', ', ') } })];
}

/** An estimated source's rate the readings do not pin: its range, and that the zones may be too small. */
function rateCaveats(source: IncidentAssessmentView['source']): Said[] {
  const chosen = source.chosen.from === 'estimate' ? source.candidates.find((c) => c.id === source.chosen.id) : undefined;
  const caveat = chosen ? unpinnedRateSaid(chosen.id, chosen.rateKgS, chosen.rateFactor) : null;
  return caveat ? [caveat] : [];
}

/** Where the release is: the assessment's chosen source, else the declared place or item. */
function sourcePlace(site: ChemicalPark, incident: IncidentView): SitePlace {
  const chosen = incident.assessment?.source.chosen.place;
  if (chosen) return chosen;
  const declared = incident.declared;
  if (declared?.place) return declared.place;
  const item = declared?.equipmentId ? parkItem(site, declared.equipmentId)?.position : undefined;
  return sitePlace(site, item ?? { eastM: 0, northM: 0 });
}
