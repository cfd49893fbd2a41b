import { describe, expect, it } from 'vitest';
import type { PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { decodeAssessment, type ZonesView } from '../../live/sim-run.ts';
import { releaseScenario, storedAssessment } from '../../live/sim-run-fixture.ts';
import { SiteProjector } from './site-projector.ts';
import { pickCoverLayer, threatZoneLayers, UNCERTAINTY_DASH, windArrowPaths, ZONE_FILL_ALPHA, zoneFitRequest, zoneRgb, zoneShapes, type ZoneShape } from './threat-zone-layers.ts';

const ORIGIN = { lonDeg: 118.8, latDeg: 32.2, altM: 0 };
const projector = new SiteProjector(ORIGIN);
const view = decodeAssessment(storedAssessment(releaseScenario()));
const byId = (layers: ReturnType<typeof threatZoneLayers>) => new Map(layers.map((l) => [l.id, l]));

describe('threatZoneLayers', () => {
  const layers = byId(threatZoneLayers({ zones: view.zones, source: { eastM: 0, northM: 0 }, projector, scale: 2 }));

  it('fills the zones translucent in the engine colours, yellow under orange under red', () => {
    const fills = layers.get('threat-zone-fills') as SolidPolygonLayer<ZoneShape>;
    const data = fills.props.data as ZoneShape[];
    expect(data.map((s) => s.color)).toEqual(['yellow', 'orange', 'red']);
    expect(data.every((s) => s.kind === 'threat-zone')).toBe(true);
    const getFill = fills.props.getFillColor as unknown as (s: ZoneShape) => number[];
    expect(getFill(data[2]!)).toEqual([...zoneRgb('red'), ZONE_FILL_ALPHA]);
    expect(ZONE_FILL_ALPHA).toBeLessThan(128);
  });

  it('draws the uncertainty lines dashed with the path-style extension', () => {
    const dashed = layers.get('threat-uncertainty') as PathLayer<ZoneShape>;
    expect((dashed.props.data as ZoneShape[]).map((s) => s.kind)).toEqual(['uncertainty', 'uncertainty', 'uncertainty']);
    expect(dashed.props.extensions.map((e) => e.constructor.name)).toContain('PathStyleExtension');
    expect((dashed.props as unknown as { getDashArray: () => number[] }).getDashArray()).toEqual(UNCERTAINTY_DASH);
    expect(dashed.props.getWidth).toBe(5); // 2.5 px × scale 2
  });

  it('marks the source and draws a wind arrow; rings are the engine lon/lat', () => {
    expect([...layers.keys()]).toEqual(['threat-zone-fills', 'threat-zone-outlines', 'threat-uncertainty', 'threat-wind-arrow', 'threat-source']);
    const source = (layers.get('threat-source')!.props.data as [number, number][])[0]!;
    expect(source[0]).toBeCloseTo(118.8, 9);
    const red = view.zones.features.find((f) => f.properties.color === 'red' && f.properties.kind === 'threat-zone')!;
    const shape = zoneShapes(view.zones, { eastM: 0, northM: 0 }, projector).find((s) => s.color === 'red' && s.kind === 'threat-zone')!;
    expect(shape.ring[5]).toEqual(red.geometry.coordinates[0]![5]);
  });

  it('projects rings given in local metres from the source', () => {
    const local: ZonesView = {
      ...view.zones,
      metadata: { ...view.zones.metadata, coordinates: 'local-m' },
      features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [100, 0], [100, 50], [0, 0]]] }, properties: { kind: 'calm-circle', label: 'x', ppm: 1, color: 'red', distanceM: 100 } }],
    };
    const [shape] = zoneShapes(local, { eastM: 500, northM: -200 }, projector);
    expect(shape!.ring[1]![0]).toBeCloseTo(projector.lonLat(600, -200)[0], 9);
    expect(shape!.ring[1]![1]).toBeCloseTo(projector.lonLat(600, -200)[1], 9);
  });
});

describe('windArrowPaths', () => {
  it('points where the wind blows: wind from the north gives an arrow north of the source pointing south', () => {
    const [shaft, head] = windArrowPaths({ eastM: 0, northM: 0 }, 0, 100);
    const [start, tip] = shaft!;
    expect(start![1]).toBeCloseTo(115);
    expect(tip![1]).toBeCloseTo(15);
    expect(start![0]).toBeCloseTo(0);
    // The head's barbs lie behind the tip (further north) on both sides.
    expect(head![0]![1]).toBeGreaterThan(tip![1]);
    expect(head![0]![0] * head![2]![0]).toBeLessThan(0);
  });
});

describe('pickCoverLayer', () => {
  it('covers the plan invisibly and hands out the viewport it is hovered in', () => {
    let got: unknown = null;
    const layer = pickCoverLayer({ west: 118, south: 32, east: 119, north: 33 }, (v) => (got = v));
    expect(layer.props.pickable).toBe(true);
    expect((layer.props as unknown as { getFillColor: number[] }).getFillColor[3]).toBe(1);
    const viewport = { unproject: (xy: number[]) => xy };
    (layer.props.onHover as (info: unknown) => void)({ viewport });
    expect(got).toBe(viewport);
  });
});

const boundsOf = (shapes: ZoneShape[]) => {
  const lons = shapes.flatMap((s) => s.ring.map((p) => p[0])), lats = shapes.flatMap((s) => s.ring.map((p) => p[1]));
  return [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]];
};

describe('zoneFitRequest', () => {
  const shapes = zoneShapes(view.zones, { eastM: 0, northM: 0 }, projector);
  const source = projector.lonLat(0, 0);
  const inside = (b: [[number, number], [number, number]], p: readonly number[]) => p[0]! >= b[0][0] && p[0]! <= b[1][0] && p[1]! >= b[0][1] && p[1]! <= b[1][1];

  it('must hold the source and the red and orange zones, not the whole yellow one; want holds every zone', () => {
    const r = zoneFitRequest(shapes, source);
    expect(inside(r.must, source)).toBe(true);
    for (const s of shapes.filter((x) => x.kind === 'threat-zone' && x.color !== 'yellow')) for (const p of s.ring) expect(inside(r.must, p)).toBe(true);
    const yellow = shapes.find((x) => x.kind === 'threat-zone' && x.color === 'yellow')!;
    expect(yellow.ring.some((p) => !inside(r.must, p))).toBe(true);
    for (const s of shapes.filter((x) => x.kind !== 'uncertainty')) for (const p of s.ring) expect(inside(r.want!, p)).toBe(true);
    expect(r.want).toEqual(boundsOf(shapes.filter((x) => x.kind !== 'uncertainty')));
  });

  it('a single level is a must', () => {
    const yellow = shapes.filter((x) => x.color === 'yellow' && x.kind === 'threat-zone');
    const r = zoneFitRequest(yellow, source);
    for (const p of yellow[0]!.ring) expect(inside(r.must, p)).toBe(true);
  });
});

