import type { DeclareIncidentRequest, Principal, SiteName } from '@safetwin/protocol';
import { findChemical, CHEMICALS as ENGINE_CHEMICALS } from '@safetwin/sim';
import { pointInPolygon, type EnuPlan, type Site } from '@safetwin/twin-models';
import { canSeeSite } from '../auth/access.ts';
import { badBody, forbidden, notFound } from '../errors.ts';
import { chemicalName, declaredTitle } from './incident-title.ts';
import { said, type Said } from '../said.ts';
import type { NewIncident } from './incident-service.ts';
import { saidMessage } from './incident-store.ts';
import { parkItem, plotOwner, sitePlace } from './site-places.ts';

/**
 * A person's declaration as a new incident, checked against the site:
 * - 404: the site is unknown or not visible to the user;
 * - 400 naming the field: not a chemical park (`siteId`), unknown equipment or pipe segment
 *   (`equipmentId`), a position outside the park (`position`), a chemical the plume engine does
 *   not know (`chemical`: the assessment could not compute zones for it);
 * - 403: a safety officer declaring outside their own plant (equipment of another enterprise or
 *   the park's, a point off their plot).
 * A known chemical different from what the item holds is accepted with a timeline warning: the
 * commander may know better (a wrong line-up, a reaction product), and refusing would delay the
 * response. A drill planner's declaration is always a drill (origin 'drill'); anyone's with
 * `drill: true` too.
 */
export function declaredIncident(site: Site | undefined, user: Principal, body: DeclareIncidentRequest): NewIncident {
  if (!site || !canSeeSite(user, site.id)) throw notFound(`no site '${body.siteId}'`);
  if (site.kind !== 'chemical-park') throw badBody(`siteId: '${site.id}' is a ${site.kind}; incidents are declared on chemical parks`);
  const engineChemical = findChemical(body.chemical);
  if (!engineChemical) throw badBody(`chemical: unknown chemical '${body.chemical}' (known: ${ENGINE_CHEMICALS.map((c) => c.id).join(', ')})`);
  const chemical = engineChemical.id;
  const warnings: Said[] = [];
  let at: SiteName | EnuPlan;
  let enterpriseId: string | null;
  let place;
  if (body.equipmentId !== undefined) {
    const item = parkItem(site, body.equipmentId);
    if (!item) throw badBody(`equipmentId: no equipment or pipe segment '${body.equipmentId}' on site '${site.id}'`);
    if (item.chemical !== chemical) {
      warnings.push(said(`${item.label} holds ${item.chemical ?? 'no chemical'}, not ${chemical}: assessed as declared`, 'event.warning-other-chemical', { item: item.name, held: item.chemical ?? '—', chemical }));
    }
    at = item.name;
    enterpriseId = item.enterpriseId;
    place = sitePlace(site, item.position);
  } else {
    const p = body.position!;
    if (!pointInPolygon(p, site.boundary)) throw badBody(`position: (${p.eastM}, ${p.northM}) m lies outside the park boundary`);
    enterpriseId = plotOwner(site, p);
    at = p;
    place = sitePlace(site, p);
  }
  if (user.role === 'safety-officer' && enterpriseId !== user.enterpriseId) {
    throw forbidden(`a safety officer declares incidents in their own plant only: ${body.equipmentId ?? 'the position'} is ${enterpriseId === null ? "the park's" : `enterprise ${enterpriseId}'s`}`);
  }
  const drill = user.role === 'drill-planner' || body.drill === true;
  return {
    siteId: site.id,
    enterpriseId,
    origin: drill ? 'drill' : 'declared',
    ...declaredTitle(chemicalName(chemical), at, drill),
    chemical,
    declared: { equipmentId: body.equipmentId ?? null, place, rateKgS: body.rateKgS ?? null },
    createdBy: user.username,
    events: [
      ...warnings.map((w) => ({ kind: 'warning', actor: 'system', ...saidMessage(w), data: null })),
      ...(body.note ? [{ kind: 'note', actor: user.username, message: body.note, data: null }] : []),
    ],
  };
}
