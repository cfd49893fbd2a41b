'use client';

import { useEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, LineBasicMaterial, LineLoop, Mesh, MeshLambertMaterial, Shape, ShapeGeometry, type Object3D } from 'three';
import type { TwinScene } from '@safetwin/twin-models';

/** Ground and fence-line colours (sRGB): a dark slab, the site boundary in the accent colour, plots muted. */
const GROUND_COLOR = 0x1a2633;
const BOUNDARY_COLOR = 0x3fc1d9;
const PLOT_COLOR = 0x4a6178;

/**
 * The ground of the twin: for a park, a dark slab inside the site boundary with every
 * enterprise's plot outlined; for a mine, only the lease outline at the surface, so the
 * workings below stay in view.
 */
export function TwinGround({ scene }: { scene: TwinScene }) {
  const objects = useMemo(() => {
    const out: Object3D[] = [];
    for (const outline of scene.outlines) {
      const geometry = new BufferGeometry();
      const p = outline.points;
      const xyz = new Float32Array((p.length / 2) * 3);
      for (let i = 0; i < p.length / 2; i++) {
        xyz[i * 3] = p[i * 2]!;
        xyz[i * 3 + 1] = outline.kind === 'site' ? 0.3 : 0.2;
        xyz[i * 3 + 2] = p[i * 2 + 1]!;
      }
      geometry.setAttribute('position', new Float32BufferAttribute(xyz, 3));
      // A mine's lease is drawn at the surface, far above the workings: muted, so it frames rather than distracts.
      const strong = outline.kind === 'site' && scene.siteKind === 'chemical-park';
      out.push(new LineLoop(geometry, new LineBasicMaterial({ color: strong ? BOUNDARY_COLOR : PLOT_COLOR })));
    }
    const boundary = scene.outlines.find((o) => o.kind === 'site');
    if (scene.siteKind === 'chemical-park' && boundary) {
      // The shape is drawn in the x/y plane from (x, −z) and laid flat: rotating −90° about x maps y to −z.
      const shape = new Shape();
      const p = boundary.points;
      shape.moveTo(p[0]!, -p[1]!);
      for (let i = 1; i < p.length / 2; i++) shape.lineTo(p[i * 2]!, -p[i * 2 + 1]!);
      const slab = new Mesh(new ShapeGeometry(shape), new MeshLambertMaterial({ color: GROUND_COLOR }));
      slab.rotation.x = -Math.PI / 2;
      slab.position.y = -0.05;
      out.push(slab);
    }
    return out;
  }, [scene]);

  useEffect(() => () => {
    for (const o of objects) {
      const withGeometry = o as Mesh;
      withGeometry.geometry.dispose();
      (withGeometry.material as MeshLambertMaterial).dispose();
    }
  }, [objects]);

  return (
    <>
      {objects.map((o, i) => <primitive key={i} object={o} />)}
    </>
  );
}
