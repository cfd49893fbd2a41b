// The pure assessment on the demo park with staged leaks played offline by the demo simulator
// (readings through RecentReadings, as the hub feeds it): a chlorine sphere, a declaration without
// detector data, a flammable (%LEL) leak, and the reuse of an unchanged estimate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqlClient } from '@safetwin/db';
import { RATE_UNPINNED_FACTOR, type IncidentAssessmentView } from '@safetwin/protocol';
import { findChemical, likelySources, LINE_POINT_RISE_M, SOURCE_ESTIMATION_DEFAULTS } from '@safetwin/sim';
import { bearingDeg, getDemoSite, shiftAt, type ChemicalPark } from '@safetwin/twin-models';
import { SiteRegistry } from '../../sites/site-registry.ts';
import { assessIncident } from './assess-incident.ts';
import type { AssessmentSubject } from './assessment-input.ts';
import { buildAssessmentInput } from './build-input.ts';
import { RecentReadings } from './recent-readings.ts';
import { assessSource, REUSE_ESTIMATE_MAX_AGE_MS } from './source-step.ts';
import { playStagedLeak, type StagedLeakOptions } from './staged-leak.ts';
import { angleBetweenDeg, summarizeWind } from './wind-summary.ts';

const park = getDemoSite('cp-nanjing') as ChemicalPark;
const SLOW_MS = 300_000; // staging plays minutes of the whole park, and the machine may be loaded

const subjectOf = (leakAtMs: number, over: Partial<AssessmentSubject> = {}): AssessmentSubject => ({
  id: 'incident-1', siteId: park.id, chemical: null, origin: 'alarm', declared: null, firstAlarmAt: leakAtMs + 15_000, createdAt: leakAtMs + 15_000,
  alarmDeviceIds: [], isolation: null, previous: null, ...over,
});

describe('assessIncident on the demo park', () => {
  let db: SqlClient;
  let registry: SiteRegistry;
  beforeAll(async () => {
    db = await openDatabase({});
    registry = new SiteRegistry(db);
    await registry.upsert(park);
  });
  afterAll(() => db.close());

  /** Plays a staged leak into fresh RecentReadings (only the devices `keep` accepts) and gathers the input. */
  const stage = (o: Omit<StagedLeakOptions, 'park'>, keep: (deviceId: string) => boolean = () => true) => {
    const recent = new RecentReadings(registry);
    const staged = playStagedLeak({ park, ...o }, (rs) => recent.observe(rs.filter((r) => keep(r.deviceId))));
    return { ...staged, input: (subject: AssessmentSubject, nowMs = staged.nowMs) => buildAssessmentInput(registry, recent, subject, 1, nowMs) };
  };

  describe('chlorine from the sphere CP-E1-TK-01, 2 kg/s, wind from the north-north-east', () => {
    const tank = park.equipment.find((e) => e.id === 'CP-E1-TK-01')!;
    let view: IncidentAssessmentView;
    let staged: ReturnType<typeof stage>;
    beforeAll(() => {
      staged = stage({ itemId: tank.id, chemical: 'Cl2', rateKgS: 2, afterStartS: 120, weather: { prevailingFromDeg: 15, meanWindSpeedMS: 2.5 } });
      view = assessIncident(staged.input(subjectOf(staged.leakAtMs)));
    }, SLOW_MS);

    it('ranks the sphere among the top candidates from the Cl₂ detectors, and plans for the estimate', () => {
      expect(view.source.hitDetectorIds.length).toBeGreaterThanOrEqual(3);
      expect(view.source.hitDetectorIds.every((id) => park.sensors.find((s) => s.id === id)!.kind === 'gas-cl2')).toBe(true);
      expect(view.source.discriminating).toBe(true);
      expect(view.source.candidates.map((c) => c.id)).toContain(tank.id);
      expect(view.source.candidates.every((c) => c.chemical === 'Cl2')).toBe(true);
      expect(view.source.candidates.find((c) => c.id === tank.id)!.name).toEqual(tank.name);
      // A pipe segment's name in both languages, "pipe A → B" / "管道 A → B".
      for (const c of view.source.candidates.filter((x) => x.kind === 'pipe-segment')) expect([c.name!.en, c.name!.zh]).toEqual([c.label, expect.stringMatching(/^管道 .+ → .+$/)]);
      const probabilities = view.source.candidates.map((c) => c.probability);
      expect([...probabilities].sort((a, b) => b - a)).toEqual(probabilities);
      expect(view.source.chosen).toMatchObject({ id: view.source.candidates[0]!.id, from: 'estimate' });
      expect(view.source.chosen.place.lonLat[0]).toBeCloseTo(park.origin.lonDeg, 1);
    });

    it('isolates the chosen item with the other likely sources, best alternative first, valves placed on the map', () => {
      const iso = view.isolation!;
      expect(iso.targets[0]!.id).toBe(view.source.chosen.id);
      expect(iso.targets.map((t) => t.id)).toEqual(likelySources(view.source.candidates).map((c) => c.id));
      expect(iso.alternatives.length).toBeGreaterThanOrEqual(1);
      expect(iso.alternatives.length).toBeLessThanOrEqual(3);
      expect(iso.alternatives.map((a) => a.rank)).toEqual(iso.alternatives.map((_, i) => i + 1));
      for (const a of iso.alternatives) {
        expect(a.valves.length).toBeGreaterThan(0);
        for (const v of a.valves) {
          const valve = park.pipes.valves.find((x) => x.id === v.valveId)!;
          expect(v.deviceId).toBe(valve.deviceId);
          expect(v.place.lonLat).toHaveLength(2);
        }
      }
      // The release follows rank 1: the leak rate until it has shut and its trapped inventory drained.
      const release = view.release!;
      expect(release.rateKgS).toBe(view.source.candidates[0]!.rateKgS);
      expect(release.endsAt).not.toBeNull();
      expect(release.endsAt!).toBeGreaterThan(staged.nowMs);
      expect(release.totalKg).toBeCloseTo((release.rateKgS * (release.endsAt! - release.startedAt)) / 1000, -1);
    });

    it('draws AEGL-3/2/1 zones downwind of the source, nested', () => {
      expect(view.zones.map((z) => z.level)).toEqual(['aegl-3', 'aegl-2', 'aegl-1']);
      const src = view.source.chosen.place;
      const downwindDeg = (view.weather.windFromDeg + 180) % 360;
      for (const z of view.zones) {
        expect(z.ringEnu.length).toBeGreaterThan(3);
        expect(z.ringLonLat).toHaveLength(z.ringEnu.length);
        const far = z.ringEnu.reduce((best, p) => (Math.hypot(p[0] - src.eastM, p[1] - src.northM) > Math.hypot(best[0] - src.eastM, best[1] - src.northM) ? p : best));
        expect(angleBetweenDeg(bearingDeg(src, { eastM: far[0], northM: far[1] }), downwindDeg)).toBeLessThan(30);
        // The zones of the likely sources the valves isolate (the chosen one's, enveloping the others').
        expect(z.sourceIds.length).toBeGreaterThan(0);
        expect(view.isolation!.targets.map((t) => t.id)).toEqual(expect.arrayContaining(z.sourceIds));
      }
      expect(view.zones.map((z) => z.distanceM)).toEqual([...view.zones.map((z) => z.distanceM)].sort((a, b) => a - b));
    });

    it('decides every occupied building; evacuees walk to usable assembly points', () => {
      const shift = shiftAt(staged.nowMs, park.origin.lonDeg);
      const occupied = park.buildings.filter((b) => (shift === 'day' ? b.occupancy.dayPersons : b.occupancy.nightPersons) > 0).map((b) => b.id);
      const evac = view.evacuation!;
      const byId = new Map(evac.groups.map((g) => [g.id, g]));
      for (const id of occupied) expect(['evacuate', 'shelter', 'unaffected']).toContain(byId.get(id)?.decision);
      const evacuating = evac.groups.filter((g) => g.decision === 'evacuate');
      expect(evacuating.length).toBeGreaterThan(0); // the wind carries the cloud over occupied buildings south of the sphere
      const usable = new Map(evac.assemblyPoints.filter((a) => a.usable).map((a) => [a.id, a]));
      for (const g of evacuating) {
        const ap = usable.get(g.route!.assemblyPointId);
        expect(ap, g.id).toBeDefined();
        expect(g.route!.pathEnu.at(-1)).toEqual([ap!.place.eastM, ap!.place.northM]);
        expect(g.route!.pathLonLat).toHaveLength(g.route!.pathEnu.length);
        expect(g.route!.etaS).toBeGreaterThan(0);
        expect(g.priority).toBeGreaterThan(0);
      }
      for (const a of evac.assemblyPoints.filter((x) => !x.usable)) {
        expect(a.reason).not.toBe('');
        // Why, for the wall to word in its language; names in both of the site description's languages.
        expect(a.reasonText?.key).toMatch(/^ap\./);
      }
      for (const a of evac.assemblyPoints) expect(a.name).toEqual(park.assemblyPoints.find((p) => p.id === a.id)!.name);
      const places = new Map([...park.buildings, ...park.equipment].map((x) => [x.id, x.name]));
      for (const g of evac.groups.filter((x) => x.kind === 'building')) expect(g.name, g.id).toEqual(places.get(g.id));
      expect(view.doses).toEqual([]);
      expect(view.warnings.some((w) => /no tagged people/.test(w))).toBe(true);
      // Each warning also as a keyed sentence for the wall to word in its language, in the same order.
      expect(view.warningTexts).toHaveLength(view.warnings.length);
      expect(view.warningTexts![view.warnings.findIndex((w) => /no tagged people/.test(w))]!.key).toBe('assess.no-tagged-people');
    });

    it('tells the weather and the data it used', () => {
      expect(view.weather.windFromDeg).toBeGreaterThan(0);
      expect(angleBetweenDeg(view.weather.windFromDeg, 15)).toBeLessThan(45);
      expect(['A', 'B', 'C', 'D', 'E', 'F']).toContain(view.weather.stability);
      expect(view.dataUntil).toBeLessThanOrEqual(staged.nowMs);
      expect(view.dataUntil).toBeGreaterThan(staged.nowMs - 5_000);
      expect(view.seq).toBe(1);
      expect(JSON.parse(JSON.stringify(view))).toEqual(view); // plain JSON all through (socket, jsonb)
    });

    it('reuses an unchanged estimate while it is fresh, and estimates again once it is old', () => {
      const next = assessIncident(staged.input(subjectOf(staged.leakAtMs, { previous: view }), staged.nowMs));
      expect(next.source.candidates).toEqual(view.source.candidates);
      const previous = { ...view, source: { ...view.source, candidates: view.source.candidates.map((c) => ({ ...c, rateKgS: c.rateKgS * 10 })) } };
      const reused = assessIncident(staged.input(subjectOf(staged.leakAtMs, { previous }), staged.nowMs));
      expect(reused.source.candidates[0]!.rateKgS).toBe(previous.source.candidates[0]!.rateKgS); // taken from `previous`, not fitted again
      // Readings that pin the rate give no warning about it; a rate they leave a decade wide (every hit at full scale)
      // is said to be so, for the brief: the zones are drawn for its middle.
      const unpinned = (w: readonly string[]) => w.filter((x) => x.includes('release rate only to'));
      expect(view.source.candidates[0]!.rateFactor).toBeLessThan(RATE_UNPINNED_FACTOR);
      expect(unpinned(reused.warnings)).toEqual([]);
      const wide = { ...view, source: { ...view.source, candidates: view.source.candidates.map((c) => ({ ...c, rateKgS: 1, rateFactor: 10 })) } };
      const top = view.source.candidates[0]!.id;
      expect(unpinned(assessIncident(staged.input(subjectOf(staged.leakAtMs, { previous: wide }), staged.nowMs)).warnings))
        .toEqual([`the readings pin ${top}'s release rate only to 0.1–10 kg/s (1 σ): the zones are drawn for 1 kg/s and may be too small`]);
      const stale = { ...previous, dataUntil: view.dataUntil - REUSE_ESTIMATE_MAX_AGE_MS - 1 };
      const redone = assessIncident(staged.input(subjectOf(staged.leakAtMs, { previous: stale }), staged.nowMs));
      expect(redone.source.candidates[0]!.rateKgS).toBe(view.source.candidates[0]!.rateKgS);
    });
  });

  it('a declared ammonia leak without detector data: plans for the declaration, says the estimate cannot tell', () => {
    const stations = new Set(park.sensors.filter((s) => s.kind === 'weather').map((s) => s.id));
    const staged = stage({ itemId: 'CP-E2-TK-01', chemical: 'NH3', rateKgS: 2, afterStartS: 30 }, (id) => stations.has(id));
    const subject = subjectOf(staged.leakAtMs, { origin: 'declared', chemical: 'NH3', firstAlarmAt: null, declared: { equipmentId: 'CP-E2-TK-01', place: null, rateKgS: 2 } });
    const view = assessIncident(staged.input(subject));
    expect(view.source).toMatchObject({ discriminating: false, candidates: [], hitDetectorIds: [], detectorsUsed: 0, chosen: { id: 'CP-E2-TK-01', kind: 'equipment', from: 'declared' } });
    expect(view.source.reason).toMatch(/no detector saw gas/);
    expect(view.source.reasonText).toEqual({ key: 'source.no-hits', values: { minutes: 5 } });
    expect(view.isolation!.targets).toEqual([{ kind: 'equipment', id: 'CP-E2-TK-01' }]);
    expect(view.release).toMatchObject({ rateKgS: 2, startedAt: subject.createdAt });
    expect(view.zones.map((z) => z.level)).toEqual(['aegl-3', 'aegl-2', 'aegl-1']);
    expect(view.evacuation!.groups.length).toBeGreaterThan(0);
  }, SLOW_MS);

  it('without wind from the stations: no zones or plan, and says so in words the wall can put in its language', () => {
    const staged = stage({ itemId: 'CP-E2-TK-01', chemical: 'NH3', rateKgS: 2, afterStartS: 30 }, () => false);
    const subject = subjectOf(staged.leakAtMs, { origin: 'declared', chemical: 'NH3', firstAlarmAt: null, declared: { equipmentId: 'CP-E2-TK-01', place: null, rateKgS: 2 } });
    const view = assessIncident(staged.input(subject));
    expect(view.zones).toEqual([]);
    expect(view.evacuation).toBeNull();
    expect(view.warningTexts).toHaveLength(view.warnings.length);
    expect(view.warningTexts![0]).toEqual({ key: 'assess.no-wind', values: { minutes: 5 } });
    expect(view.warnings[0]).toBe('no wind from the weather stations in the last 5 min: no forecast, zones or evacuation plan');
  }, SLOW_MS);

  it('a leak along a 296 m chlorine line: the estimate places it on the run near the hole, at the pipe\'s height there', () => {
    // The line runs east from the rack (6 m up) down to 1.5 m; the wind from the north blows across it, so the detectors
    // south of it tell where along it the cloud comes from (a wind along the line leaves that to the plume's decay alone,
    // where a higher hole farther off looks much like a lower one nearer).
    const segment = park.pipes.segments.find((x) => x.id === 'CP-L-0009')!;
    const nodeAt = (id: string) => park.pipes.nodes.find((n) => n.id === id)!.position;
    const [a, b] = [nodeAt(segment.from), nodeAt(segment.to)];
    const lengthM = Math.hypot(b.eastM - a.eastM, b.northM - a.northM);
    const alongM = 250;
    const hole = { eastM: a.eastM + (alongM / lengthM) * (b.eastM - a.eastM), northM: a.northM + (alongM / lengthM) * (b.northM - a.northM), upM: a.upM + (alongM / lengthM) * (b.upM - a.upM) };
    const middle = { eastM: (a.eastM + b.eastM) / 2, northM: (a.northM + b.northM) / 2 };
    const staged = stage({ itemId: segment.id, chemical: 'Cl2', rateKgS: 1, alongM, afterStartS: 150, weather: { prevailingFromDeg: 0, meanWindSpeedMS: 3 } });
    const view = assessIncident(staged.input(subjectOf(staged.leakAtMs)));
    const off = (p: { eastM: number; northM: number }) => Math.hypot(p.eastM - hole.eastM, p.northM - hole.northM);
    expect(view.source.discriminating).toBe(true);
    expect(view.source.chosen.id).toBe(segment.id);
    const top = view.source.candidates[0]!;
    expect(top.along).toMatchObject({ fromLabel: expect.any(String), fromName: { zh: expect.any(String), en: top.along!.fromLabel } });
    expect(Math.abs(top.along!.distanceM - alongM)).toBeLessThan(top.along!.sdM * 3);
    // Planned for the place on the run, far nearer the hole than the line's middle is, and at the pipe's height there
    // (within a search step of the riser's rise: LINE_POINT_RISE_M), not the middle's 3.75 m.
    expect(off(view.source.chosen.place)).toBeLessThan(off(middle) / 4);
    expect(Math.abs(top.releaseHeightM! - hole.upM)).toBeLessThan(LINE_POINT_RISE_M);
    expect(view.source.chosen.place).toEqual(top.place);
    // The forecast is planned from that height; an estimate reused from a view stored before heights were searched
    // (no releaseHeightM) falls back to the item's own, its middle's 3.75 m.
    const input = staged.input(subjectOf(staged.leakAtMs));
    const wind = summarizeWind(input.wind, input.nowMs - SOURCE_ESTIMATION_DEFAULTS.windowMs, input.nowMs);
    expect(assessSource(input, wind).chosen.releaseHeightM).toBe(top.releaseHeightM);
    const older = { ...view, source: { ...view.source, candidates: view.source.candidates.map(({ releaseHeightM: _, ...c }) => c) } };
    const reused = assessSource(staged.input(subjectOf(staged.leakAtMs, { previous: older })), wind);
    expect(reused.chosen.releaseHeightM).toBe((a.upM + b.upM) / 2); // a fresh estimate would give top's 2.25 m
  }, SLOW_MS);

  it('the same leak with the wind along the line: the line is first, the place along it given with its uncertainty', () => {
    // Along the wind the detectors see one plume whichever point of the run it left; only the cloud's arrival times and
    // decay tell a higher hole farther up the line from a lower one nearer. While each gusty sample set the class (and the
    // plume was taken at the bin's mean wind) this draw left points 128 m and 247 m along within 0.01 nats (± 56 m);
    // with the class read from the mean wind and the plume averaged over the bin's regimes: 247 m, ± 15 m.
    const segment = park.pipes.segments.find((x) => x.id === 'CP-L-0009')!;
    const alongM = 250;
    const staged = stage({ itemId: segment.id, chemical: 'Cl2', rateKgS: 1, alongM, afterStartS: 150, weather: { prevailingFromDeg: 270, meanWindSpeedMS: 3 } });
    const view = assessIncident(staged.input(subjectOf(staged.leakAtMs)));
    const top = view.source.candidates[0]!;
    expect(view.source.chosen.id).toBe(segment.id);
    expect(top.along!.sdM).toBeGreaterThan(5);
    expect(Math.abs(top.along!.distanceM - alongM)).toBeLessThan(top.along!.sdM * 3);
  }, SLOW_MS);

  it('a leak on a metered line: its flow transmitter is evidence too — the line more probable, the rate nearer the truth', () => {
    // Hydrochloric acid from CP-L-0018, a 176 m run downstream of CP-E1-FT-004 (on the 6.5 m spool CP-L-0017 before
    // it): the hole draws part of its rate through the transmitter, which reads that much more (@safetwin/sim
    // flow-evidence.ts). The same readings without the transmitters: the detectors alone.
    const staged = stage({ itemId: 'CP-L-0018', chemical: 'HCl', rateKgS: 1.8, afterStartS: 180, weather: { prevailingFromDeg: 308, meanWindSpeedMS: 1.5 } });
    const input = staged.input(subjectOf(staged.leakAtMs));
    expect(input.flowMeters.map((m) => m.id)).toContain('CP-E1-FT-004');
    const wind = summarizeWind(input.wind, input.nowMs - SOURCE_ESTIMATION_DEFAULTS.windowMs, input.nowMs);
    const withFlow = assessSource(input, wind).view, gasOnly = assessSource({ ...input, flowMeters: [] }, wind).view;
    const of = (v: typeof withFlow) => v.candidates.find((c) => c.id === 'CP-L-0018');
    // This draw: 0.99 at 1.26 kg/s with the transmitter, 0.53 at 1.00 kg/s without.
    expect(withFlow.candidates[0]!.id).toBe('CP-L-0018');
    expect(of(withFlow)!.probability).toBeGreaterThan(0.95);
    expect(of(withFlow)!.probability).toBeGreaterThan(of(gasOnly)!.probability + 0.3);
    expect(Math.abs(Math.log(of(withFlow)!.rateKgS / 1.8))).toBeLessThan(Math.abs(Math.log(of(gasOnly)!.rateKgS / 1.8)));
    // The wall is told which transmitter moved: FT-004 reads about (1 − f)·q more, f ≈ 0.5 along the 182 m line.
    expect(withFlow.flowShifts).toEqual([{ deviceId: 'CP-E1-FT-004', baseKgS: expect.closeTo(0.8, 1), shiftKgS: expect.closeTo(0.9, 1) }]);
    expect(gasOnly.flowShifts).toEqual([]);
    // Once isolation is decided the valves move the flow too: the transmitters' readings count up to then only.
    const isolated = staged.input(subjectOf(staged.leakAtMs, { isolation: { decidedAt: staged.nowMs - 30_000, valveIds: [] } }));
    expect(isolated.flowMeters.find((m) => m.id === 'CP-E1-FT-004')!.untilMs).toBe(staged.nowMs - 30_000);
  }, SLOW_MS);

  it('a flammable leak seen by %LEL detectors only: candidates hold flammables, zones at 60 % / 10 % of the LEL', () => {
    const staged = stage({ itemId: 'CP-E3-C-03', chemical: 'LPG', rateKgS: 3, afterStartS: 120, weather: { prevailingFromDeg: 200, meanWindSpeedMS: 2.5 } });
    const view = assessIncident(staged.input(subjectOf(staged.leakAtMs)));
    expect(view.source.hitDetectorIds.length).toBeGreaterThan(0);
    expect(view.source.hitDetectorIds.every((id) => park.sensors.find((s) => s.id === id)!.kind === 'gas-flammable')).toBe(true);
    expect(view.source.candidates.length).toBeGreaterThan(0);
    for (const c of view.source.candidates) expect(['LPG', 'C3H8', 'CH4', 'NH3', 'H2S', 'CO']).toContain(c.chemical);
    expect(view.zones.map((z) => z.level)).toEqual(['lel-60', 'lel-10']);
    // 100 % LEL = LEL vol % × 10⁴ ppm of what the chosen item holds (LPG: 1.9 vol % in the engine's library).
    const chosen = view.source.candidates.find((c) => c.id === view.source.chosen.id)!;
    const lelPpm = findChemical(chosen.chemical)!.lelVolPct! * 1e4;
    expect(view.zones.map((z) => z.thresholdPpm)).toEqual([0.6 * lelPpm, 0.1 * lelPpm].map((x) => expect.closeTo(x, 6)));
    expect(view.isolation).not.toBeNull();
  }, SLOW_MS);
});
