import { describe, expect, it } from 'vitest';
import { engineNoteText, hubText, type IncidentView } from '@safetwin/protocol';
import { simNote } from '@safetwin/sim';
import { fixtureIncident } from './incident-fixture.ts';
import { alongMessage, assessmentCaveats, formatRateRange, FIRE_BRIGADE_TARGET_MS, drawnVersion, formatDurationS, VALVES_CLOSED_TARGET_MS, formatElapsed, formatPercent, formatRateKgS, incidentPermissions, likelySourcesLine, targetStatus, valveLook, zoneColours, flowShiftValues } from './incident-format.ts';

describe('incident formatting', () => {
  it('formats elapsed time as mm:ss, h:mm:ss past an hour', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(-5_000)).toBe('00:00');
    expect(formatElapsed(65_999)).toBe('01:05');
    expect(formatElapsed(3_600_000 + 61_000)).toBe('1:01:01');
  });

  it('keys what is drawn by the assessment and the valve states only', () => {
    const a = fixtureIncident(1_000);
    const counted: IncidentView = { ...a, people: { inZone: 1, evacuating: 2, sheltered: 3, safe: 4 }, updatedAt: 9 };
    expect(drawnVersion(counted)).toBe(drawnVersion(a));
    expect(drawnVersion({ ...a, valves: a.valves.map((v) => ({ ...v, state: 'commanded' as const })) })).not.toBe(drawnVersion(a));
    expect(drawnVersion({ ...a, assessment: { ...a.assessment!, seq: 2 } })).not.toBe(drawnVersion(a));
  });

  it('formats durations at a glance', () => {
    expect(formatDurationS(44.6)).toBe('45 s');
    expect(formatDurationS(60)).toBe('1 min');
    expect(formatDurationS(966)).toBe('17 min');
    expect(formatDurationS(-3)).toBe('0 s');
  });

  it('judges the pilot targets: met, running, missed late or over time', () => {
    expect(VALVES_CLOSED_TARGET_MS).toBe(180_000);
    expect(FIRE_BRIGADE_TARGET_MS).toBe(300_000);
    expect(targetStatus(null, null, 180_000, 5)).toEqual({ state: 'no-start' });
    expect(targetStatus(1_000, 121_000, 180_000, 500_000)).toEqual({ state: 'met', tookMs: 120_000 });
    expect(targetStatus(1_000, null, 180_000, 61_000)).toEqual({ state: 'running', leftMs: 120_000 });
    expect(targetStatus(1_000, null, 180_000, 201_000)).toEqual({ state: 'missed', tookMs: null, overMs: 20_000 });
    expect(targetStatus(1_000, 191_000, 180_000, 191_000)).toEqual({ state: 'missed', tookMs: 190_000, overMs: 10_000 });
  });

  it('gives each valve state a distinct glyph-and-word pair and a tone', () => {
    const looks = (['to-close', 'awaiting-confirmation', 'commanded', 'closed', 'confirmed', 'failed', 'field-task', 'field-done'] as const).map(valveLook);
    expect(new Set(looks.map((l) => l.key)).size).toBe(8);
    expect(valveLook('failed')).toEqual({ glyph: '✕', tone: 'bad', key: 'valve_failed' });
  });

  it('colours zones by threshold rank, whatever the levels are called', () => {
    const c = zoneColours([{ level: 'aegl-1', thresholdPpm: 0.5 }, { level: 'aegl-3', thresholdPpm: 20 }, { level: 'aegl-2', thresholdPpm: 2 }]);
    expect([c.get('aegl-3'), c.get('aegl-2'), c.get('aegl-1')]).toEqual(['red', 'orange', 'yellow']);
    const lel = zoneColours([{ level: 'lel-10', thresholdPpm: 5_000 }, { level: 'lel-60', thresholdPpm: 30_000 }]);
    expect([lel.get('lel-60'), lel.get('lel-10')]).toEqual(['red', 'orange']);
  });

  it('names the likely sources the valves cut off when there are several, none for one', () => {
    const incident = fixtureIncident(Date.UTC(2026, 10, 30, 8));
    const source = incident.assessment!.source;
    expect(likelySourcesLine(incident, 'en')).toEqual({ items: `${source.candidates[0]!.label} (82 %), ${source.candidates[1]!.label} (12 %)`, together: '94 %' });
    // In Chinese, the items' Chinese names from the site description.
    expect(likelySourcesLine(incident, 'zh-CN')!.items).toBe(`${source.candidates[0]!.name!.zh} (82 %), ${source.candidates[1]!.name!.zh} (12 %)`);
    const one: IncidentView = { ...incident, assessment: { ...incident.assessment!, isolation: { ...incident.assessment!.isolation!, targets: [{ kind: 'equipment', id: source.chosen.id! }] } } };
    expect(likelySourcesLine(one, 'en')).toBeNull();
  });

  it('formats probabilities', () => {
    expect(formatPercent(0.823)).toBe('82 %');
    expect(formatPercent(0.004)).toBe('<1 %');
    // Rates: a fitted pinhole keeps two significant figures instead of reading "0.00".
    expect([25.04, 1.434, 0.27, 0.0031, 0.00048].map(formatRateKgS)).toEqual(['25.0', '1.43', '0.27', '0.0031', '0.00048']);
    // A rate the readings do not pin within ×2 is given as its 1 σ range (detectors at full scale: the prior's decade).
    expect(formatRateRange(1.434, 1.4)).toBe('1.43');
    expect(formatRateRange(1, 10)).toBe('0.10–10.0');
    expect(formatRateRange(0.6, 2.5)).toBe('0.24–1.50');
    // Where along a pipe: whole metres.
    const along = { fromLabel: 'CP-N-0001', distanceM: 246.68, sdM: 35.32 };
    expect(alongMessage(along, undefined, 'en')).toEqual(['along', { distance: 247, from: 'CP-N-0001', sd: 35 }]);
    // The hole's height to the half metre: a riser's foot, a rack line overhead.
    expect(alongMessage(along, 2.26, 'en')).toEqual(['alongUp', { distance: 247, from: 'CP-N-0001', sd: 35, height: '2.5' }]);
    expect(alongMessage(along, 6.6, 'en')).toEqual(['alongUp', { distance: 247, from: 'CP-N-0001', sd: 35, height: '6.5' }]);
    expect(alongMessage(along, 0.9, 'en')).toEqual(['alongUp', { distance: 247, from: 'CP-N-0001', sd: 35, height: '1' }]);
    // A run starting at a vessel: the vessel's name in the UI language.
    const fromVessel = { ...along, fromLabel: 'liquid chlorine sphere 1', fromName: { zh: '液氯球罐1', en: 'liquid chlorine sphere 1' } };
    expect(alongMessage(fromVessel, undefined, 'zh-CN')[1].from).toBe('液氯球罐1');
    expect(formatPercent(0)).toBe('0 %');
    // A flow transmitter that moved: signed shift and the flow before, as rates.
    expect(flowShiftValues({ deviceId: 'CP-E1-FT-004', baseKgS: 0.835, shiftKgS: 0.874 })).toEqual({ device: 'CP-E1-FT-004', shift: '+0.87', base: '0.83' });
    expect(flowShiftValues({ deviceId: 'FT', baseKgS: 5, shiftKgS: -0.0123 })).toEqual({ device: 'FT', shift: '−0.012', base: '5.00' });
  });

  it('offers actions as the hub allows them: to whoever sees the incident, drill planners on drills only, nobody on a closed one', () => {
    const live = { origin: 'alarm' as const, state: 'responding' as const };
    expect(incidentPermissions('commander', live)).toEqual({ confirmIsolation: true, fieldDone: true, notifyFireBrigade: true, changeState: true });
    expect(incidentPermissions('park-manager', live).confirmIsolation).toBe(true);
    expect(incidentPermissions('safety-officer', live).fieldDone).toBe(true);
    expect(incidentPermissions('drill-planner', live)).toEqual({ confirmIsolation: false, fieldDone: false, notifyFireBrigade: false, changeState: false });
    expect(incidentPermissions('drill-planner', { ...live, origin: 'drill' }).confirmIsolation).toBe(true);
    expect(incidentPermissions('commander', { ...live, state: 'closed' }).notifyFireBrigade).toBe(false);
  });

  it("words the assessment's caveats in the UI language, less the source section's own reason", () => {
    const a = fixtureIncident(1_000).assessment!;
    const steady = simNote('dense.steady');
    const provisional = 'provisional source: CP-E1-TK-01, the item nearest to detector GT-1 (highest reading), because only 2 detector(s) saw gas';
    const caveated = {
      ...a,
      source: { ...a.source, reason: provisional },
      warnings: ['no tagged people on this site: doses are not tracked; buildings are planned from the shift occupancy', provisional, 'no candidate is more likely than not (top 41 %)', steady.text],
      warningTexts: [
        hubText('assess.no-tagged-people'),
        hubText('source.cannot-tell'),
        engineNoteText({ key: 'source.no-majority', values: { percent: '41' }, text: 'no candidate is more likely than not (top 41 %)' }),
        engineNoteText(steady),
      ],
    };
    // The estimator's note is the commander's concern; the plume engine's on its modelling is folded apart.
    expect(assessmentCaveats(caveated, 'zh-CN')).toEqual({
      caveats: ['本场地没有佩戴定位标签的人员：不跟踪个人剂量；建筑物按班次在岗人数规划', '没有哪个候选泄漏源的概率超过一半（最高 41 %）'],
      modelNotes: ['Britter–McQuaid 烟羽按稳态释放计算（忽略 durationS / rateSteps）；对短时释放偏保守'],
    });
    expect(assessmentCaveats(caveated, 'en')).toEqual({ caveats: [caveated.warnings[0], caveated.warnings[2]], modelNotes: [steady.text] });
    // Stored before the keyed texts were sent (or a count that does not match): the English as it is, all as caveats.
    const { warningTexts: _, ...old } = caveated;
    const english = { caveats: [caveated.warnings[0], caveated.warnings[2], steady.text], modelNotes: [] };
    expect(assessmentCaveats(old, 'zh-CN')).toEqual(english);
    expect(assessmentCaveats({ ...caveated, warningTexts: caveated.warningTexts.slice(1) }, 'zh-CN')).toEqual(english);
  });
});
