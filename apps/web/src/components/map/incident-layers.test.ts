import { describe, expect, it } from 'vitest';
import type { PathLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { AssemblyPointView, IncidentValveView, SourceCandidateView } from '@safetwin/protocol';
import { FIXTURE_PARK, fixtureIncident } from '../../live/incident-fixture.ts';
import { SiteProjector } from './site-projector.ts';
import { UNUSABLE_RGB, USABLE_RGB, candidateRadiusPx, defaultCandidateLabel, incidentFitRequest, incidentLayers, routeChevrons } from './incident-layers.ts';
import { ZONE_FILL_ALPHA, zoneRgb } from './threat-zone-layers.ts';

const projector = new SiteProjector(FIXTURE_PARK.origin);
const incident = fixtureIncident(1_700_000_000_000);
const access: [number, number][] = [[118.81, 32.26], [118.812, 32.262]];
const groups = incidentLayers(incident, { projector, scale: 2, accessRoute: access, candidateLabel: defaultCandidateLabel });
const layers = new Map([...groups.underMarkers, ...groups.overMarkers].map((l) => [l.id, l]));

describe('incidentLayers', () => {
  it('draws the zones, candidates and valves under the live markers, the routes and assembly points over them', () => {
    expect(groups.underMarkers.map((l) => l.id)).toEqual([
      'incident-zone-fills', 'incident-zone-outlines', 'incident-routes', 'incident-assembly-points',
      'incident-candidates', 'incident-candidate-labels', 'incident-valves', 'incident-valve-glyphs',
    ]);
    expect(groups.overMarkers.map((l) => l.id)).toEqual([
      'incident-access-route', 'incident-routes-over', 'incident-route-chevrons', 'incident-assembly-points-over', 'incident-assembly-marks',
    ]);
    // Nothing over the markers takes a click from a sensor: routes and assembly points are picked through their copies under them.
    expect(groups.overMarkers.filter((l) => l.props.pickable).map((l) => l.id)).toEqual([]);
    expect(layers.get('incident-routes')!.props.pickable).toBe(true);
    expect(layers.get('incident-routes-over')!.props.data).toBe(layers.get('incident-routes')!.props.data);
  });

  it('fills zones translucent, yellow under orange under red', () => {
    const fills = layers.get('incident-zone-fills') as SolidPolygonLayer<{ zone: { level: string }; rgb: number[] }>;
    const data = fills.props.data as { zone: { level: string }; rgb: number[] }[];
    expect(data.map((d) => d.zone.level)).toEqual(['aegl-1', 'aegl-2', 'aegl-3']);
    expect((fills.props.getFillColor as unknown as (d: unknown) => number[])(data[2])).toEqual([...zoneRgb('red'), ZONE_FILL_ALPHA]);
  });

  it('draws the evacuating groups’ routes and the fire brigade’s access route dashed', () => {
    const routes = layers.get('incident-routes') as PathLayer<unknown>;
    expect((routes.props.data as unknown[]).length).toBe(3);
    expect((layers.get('incident-route-chevrons')!.props.data as unknown[]).length).toBeGreaterThan(3);
    const accessLayer = layers.get('incident-access-route') as PathLayer<unknown>;
    expect(accessLayer.props.data).toEqual([access]);
    expect(accessLayer.props.extensions.map((e) => e.constructor.name)).toContain('PathStyleExtension');
  });

  it('marks assembly points green ✓ or red ✕ with the reason', () => {
    const aps = layers.get('incident-assembly-points') as ScatterplotLayer<AssemblyPointView>;
    const data = aps.props.data as AssemblyPointView[];
    const line = aps.props.getLineColor as unknown as (ap: AssemblyPointView) => number[];
    expect(line(data.find((a) => a.usable)!)).toEqual([...USABLE_RGB, 255]);
    expect(line(data.find((a) => !a.usable)!)).toEqual([...UNUSABLE_RGB, 255]);
    const marks = layers.get('incident-assembly-marks') as TextLayer<AssemblyPointView>;
    expect((marks.props.getText as (ap: AssemblyPointView) => string)(data.find((a) => !a.usable)!)).toBe('✕');
  });

  it('rings the top three candidates by probability and labels them', () => {
    const rings = layers.get('incident-candidates') as ScatterplotLayer<SourceCandidateView>;
    const data = rings.props.data as SourceCandidateView[];
    const radius = rings.props.getRadius as (c: SourceCandidateView) => number;
    expect(radius(data[0]!)).toBeGreaterThan(radius(data[1]!));
    expect(radius(data[0]!)).toBeCloseTo(candidateRadiusPx(0.82, 2), 9);
    expect(defaultCandidateLabel(data[0]!, 1)).toBe('1 · 82 %');
  });

  it('shows each valve with its state glyph', () => {
    const glyphs = layers.get('incident-valve-glyphs') as TextLayer<IncidentValveView>;
    const v = (glyphs.props.data as IncidentValveView[])[0]!;
    expect((glyphs.props.getText as (v: IncidentValveView) => string)(v)).toBe('?');
  });

  it('asks the plan to fit the source, the routes and the assembly points whole, the zones as far as sensible', () => {
    const a = incident.assessment!;
    // The zones run 20 km downwind (a night-time chlorine release): they must not decide the view.
    const far: [number, number][] = [[118.8, 32.25], [119.0, 32.25], [119.0, 32.27], [118.8, 32.27], [118.8, 32.25]];
    const zones = a.zones.map((z) => ({ ...z, ringLonLat: far }));
    const fit = incidentFitRequest({ ...incident, assessment: { ...a, zones } })!;
    const inside = (b: [[number, number], [number, number]], [lon, lat]: readonly [number, number]) => lon >= b[0][0] && lon <= b[1][0] && lat >= b[0][1] && lat <= b[1][1];
    for (const p of [a.source.chosen.place.lonLat, ...a.evacuation!.assemblyPoints.map((ap) => ap.place.lonLat)]) expect(inside(fit.must, p)).toBe(true);
    for (const g of a.evacuation!.groups) for (const p of g.route?.pathLonLat ?? []) expect(inside(fit.must, p)).toBe(true);
    expect(inside(fit.must, [119.0, 32.26])).toBe(false);
    expect(inside(fit.want!, [119.0, 32.26])).toBe(true);
    expect(incidentFitRequest({ ...incident, assessment: null })).toBeNull();
  });
});

describe('routeChevrons', () => {
  it('points the walking direction every spacing along the path, across bends', () => {
    const c = routeChevrons([[0, 0], [100, 0], [100, 100]], 60, 10);
    expect(c).toHaveLength(3);
    // At 30 m east: the tip ahead (east) of the arms.
    expect(c[0]![1]).toEqual([30, 0]);
    expect(c[0]![0]![0]).toBeLessThan(30);
    // At 150 m along, i.e. 50 m up the northern leg: pointing north.
    expect(c[2]![1]![0]).toBeCloseTo(100, 9);
    expect(c[2]![1]![1]).toBeCloseTo(50, 9);
    expect(c[2]![0]![1]).toBeLessThan(50);
    expect(routeChevrons([[0, 0], [0, 0]])).toEqual([]);
  });
});
