// Abnormal route (AQ 6210 路线异常, defined simply): the roadways a person may be in without an
// order are their work area — their workplace roadway and the personnel zones that contain it —
// and their way in and out: the escape route from the middle of the workplace to a surface shaft
// with no hazard anywhere (twin-models planEscape, the same walk the withdrawal orders use).
import { planEscape, type CoalMine } from '@safetwin/twin-models';

/** The roadways each miner may be in without an order, by person id. */
export function workAreas(site: CoalMine): Map<string, Set<string>> {
  const lengths = new Map(site.roadways.edges.map((e) => [e.id, e.lengthM]));
  const byWorkplace = new Map<string, Set<string>>();
  const out = new Map<string, Set<string>>();
  for (const m of site.miners) {
    let area = byWorkplace.get(m.workplaceRoadwayId);
    if (!area) {
      area = new Set([m.workplaceRoadwayId]);
      for (const z of site.personnelZones) if (z.roadwayIds.includes(m.workplaceRoadwayId)) for (const id of z.roadwayIds) area.add(id);
      const plan = planEscape(site, { roadwayId: m.workplaceRoadwayId, chainageM: (lengths.get(m.workplaceRoadwayId) ?? 0) / 2 }, new Set());
      for (const id of plan.route?.roadwayIds ?? []) area.add(id);
      byWorkplace.set(m.workplaceRoadwayId, area);
    }
    out.set(m.id, area);
  }
  return out;
}
