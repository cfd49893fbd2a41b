'use client';

import { useEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, LineBasicMaterial, LineSegments } from 'three';
import type { TwinScene } from '@safetwin/twin-models';
import { CENTRELINE_KINDS, centrelineArrays } from './centrelines.ts';

/** One LineSegments object with the centre lines of every pipe and roadway tube of the scene. */
export function TubeCentrelines({ scene }: { scene: TwinScene }) {
  const lines = useMemo(() => {
    const parts = scene.batches.filter((b) => CENTRELINE_KINDS.has(b.kind)).map((b) => centrelineArrays(b));
    const total = parts.reduce((n, p) => n + p.positions.length, 0);
    const positions = new Float32Array(total), colors = new Float32Array(total);
    let at = 0;
    for (const p of parts) {
      positions.set(p.positions, at);
      colors.set(p.colors, at);
      at += p.positions.length;
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
    geometry.setAttribute('color', new Float32BufferAttribute(colors, 3));
    return new LineSegments(geometry, new LineBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.85 }));
  }, [scene]);
  useEffect(() => () => {
    lines.geometry.dispose();
    (lines.material as LineBasicMaterial).dispose();
  }, [lines]);
  return <primitive object={lines} />;
}
