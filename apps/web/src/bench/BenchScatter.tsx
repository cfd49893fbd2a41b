'use client';

import { useEffect, useMemo, useState } from 'react';
import DeckGL from '@deck.gl/react';
import { ScatterplotLayer } from '@deck.gl/layers';
import { deviceCatalogue, enuToLonLat } from '@safetwin/twin-models';
import { isStale, sampleAgeMs } from '../live/device-state.ts';
import { LiveStore } from '../live/live-store.ts';
import { startBenchFeed } from './bench-feed.ts';
import { syntheticMine, type SyntheticSize } from './synthetic-mine.ts';

/** Colour refreshes per second (the wall's staleness tick). */
const COLOUR_REFRESH_MS = 1_000;

/**
 * The benchmark's baseline: one plain deck.gl ScatterplotLayer with a point per sensor and per
 * person of the same synthetic site, fed by the same simulator, people moving and colours
 * refreshed once a second. The wall's frame times are read against this, in the same run.
 */
export function BenchScatter({ size }: { size: SyntheticSize }) {
  const [setup] = useState(() => {
    const site = syntheticMine(size);
    const catalogue = deviceCatalogue(site);
    const ids = [...site.sensors.map((s) => s.id), ...site.miners.map((m) => m.tagDeviceId)];
    const positions = new Float32Array(ids.length * 2);
    site.sensors.forEach((s, i) => {
      const p = enuToLonLat(site.origin, s.position);
      positions[i * 2] = p.lonDeg;
      positions[i * 2 + 1] = p.latDeg;
    });
    return { site, catalogue, ids, positions, colors: new Uint8Array(ids.length * 4).fill(255), live: new LiveStore() };
  });
  const [frame, setFrame] = useState(0);

  useEffect(() => startBenchFeed(setup.site, setup.live, () => setup.live.markPrimed()), [setup]);
  useEffect(() => {
    const { site, ids, positions, colors, live, catalogue } = setup;
    const peopleStart = site.sensors.length;
    const timer = setInterval(() => {
      const nowMs = Date.now();
      for (let i = 0; i < ids.length; i++) {
        const sample = live.get(ids[i]!);
        const interval = catalogue.get(ids[i]!)?.intervalMs ?? 1_000;
        const stale = !sample || isStale(sampleAgeMs(sample, nowMs), interval);
        colors[i * 4] = stale ? 142 : 61;
        colors[i * 4 + 1] = stale ? 153 : 220;
        colors[i * 4 + 2] = stale ? 164 : 132;
        if (i >= peopleStart && sample) {
          const p = enuToLonLat(site.origin, { eastM: sample.reading.values.east_m ?? 0, northM: sample.reading.values.north_m ?? 0, upM: 0 });
          positions[i * 2] = p.lonDeg;
          positions[i * 2 + 1] = p.latDeg;
        }
      }
      setFrame((n) => n + 1);
    }, COLOUR_REFRESH_MS);
    return () => clearInterval(timer);
  }, [setup]);

  const layer = useMemo(
    () =>
      new ScatterplotLayer({
        id: 'bench-points',
        data: { length: setup.ids.length, attributes: { getPosition: { value: setup.positions, size: 2 }, getFillColor: { value: setup.colors, size: 4 } } },
        radiusUnits: 'pixels',
        getRadius: 4,
        updateTriggers: { getPosition: frame, getFillColor: frame },
      }),
    [setup, frame],
  );
  const origin = setup.site.origin;
  return (
    <div style={{ position: 'fixed', inset: 0, background: '#080d13' }} data-testid="bench-scatter">
      <DeckGL initialViewState={{ longitude: origin.lonDeg + 0.004, latitude: origin.latDeg + 0.006, zoom: 15 }} controller layers={[layer]} />
    </div>
  );
}
