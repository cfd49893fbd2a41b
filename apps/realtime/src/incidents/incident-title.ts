// An incident's title, in English for the timeline and logs and as a hub sentence for the wall to
// word in its user's language: "Cl₂ detected near liquid chlorine sphere 1" / "1#液氯球罐附近检测到Cl₂".
import { hubText, type HubText, type SiteName } from '@safetwin/protocol';
import { CHEMICAL_INFO, type Chemical } from '@safetwin/twin-models';

/** An incident's title: `title` in English, `titleText` for the wall. */
export interface IncidentTitle {
  title: string;
  titleText: HubText;
}

/** A chemical as titles name it: formulas with subscripts (Cl₂, NH₃, the same in both languages), mixtures by name. */
export function chemicalName(chemical: string | null, detectorKind?: string): SiteName {
  if (chemical === null) return detectorKind === 'gas-flammable' ? { zh: '可燃气体', en: 'Flammable gas' } : { zh: '有毒气体', en: 'Toxic gas' };
  if (/^[A-Z][A-Za-z0-9]*$/.test(chemical) && /\d/.test(chemical)) {
    const formula = chemical.replace(/\d/g, (d) => String.fromCharCode(0x2080 + Number(d)));
    return { zh: formula, en: formula };
  }
  const info = (CHEMICAL_INFO as Record<string, (typeof CHEMICAL_INFO)[Chemical] | undefined>)[chemical];
  if (chemical.length <= 4 || !info) return { zh: chemical, en: chemical };
  return { zh: info.nameZh, en: info.nameEn[0]!.toUpperCase() + info.nameEn.slice(1) };
}

/** A gas alarm's incident: "{chemical} detected near {unit}". */
export function detectedTitle(chemical: SiteName, unit: SiteName): IncidentTitle {
  return { title: `${chemical.en} detected near ${unit.en}`, titleText: hubText('title.detected-near', { chemical, place: unit }) };
}

/** A declared incident: "{chemical} release at {item}" (or at a position), "Drill: …" for a drill. */
export function declaredTitle(chemical: SiteName, at: SiteName | { eastM: number; northM: number }, drill: boolean): IncidentTitle {
  const place = 'en' in at ? at : hubText('place.position', { eastM: Math.round(at.eastM), northM: Math.round(at.northM) });
  const placeEn = 'en' in at ? at.en : `(${Math.round(at.eastM)} m E, ${Math.round(at.northM)} m N)`;
  const text = hubText('title.release-at', { chemical, place });
  return {
    title: `${drill ? 'Drill: ' : ''}${chemical.en} release at ${placeEn}`,
    titleText: drill ? hubText('title.drill', { title: text }) : text,
  };
}
