'use client';

import { useEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { DataTexture, DoubleSide, LinearFilter, Mesh, PlaneGeometry, RedFormat, ShaderMaterial, UnsignedByteType, Vector3, Vector4 } from 'three';
import { sceneX, sceneY, sceneZ } from '@safetwin/twin-models';
import type { AssessmentView } from '../../live/sim-run.ts';
import { zoneRgb } from '../map/threat-zone-layers.ts';
import { encodeFrameInto, fieldEncoding, fieldPlacement, LEVEL_ALPHA, levelThresholds, MAX_FIELD_LEVELS, TRACE_ALPHA, TRACE_RGB } from './plume-field.ts';
import type { PlumePlayback } from './plume-field-timing.ts';

/** Height of the field above the ground, m: clear of the ground slab and outlines, under people and pipes. */
export const FIELD_HEIGHT_M = 1.2;

const VERTEX = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}`;

// Two frames mixed by uMix, then coloured by the first level reached (highest first), or the faint trace.
const FRAGMENT = /* glsl */ `
uniform sampler2D uFrameA;
uniform sampler2D uFrameB;
uniform float uMix;
uniform vec4 uThresholds;
uniform vec3 uColors[${MAX_FIELD_LEVELS}];
uniform float uAlphas[${MAX_FIELD_LEVELS}];
uniform vec3 uTraceColor;
uniform float uTraceAlpha;
varying vec2 vUv;
void main() {
  float v = mix(texture2D(uFrameA, vUv).r, texture2D(uFrameB, vUv).r, uMix);
  vec4 c = vec4(uTraceColor, v > 0.5 / 255.0 ? uTraceAlpha : 0.0);
  if (v >= uThresholds.w) c = vec4(uColors[3], uAlphas[3]);
  if (v >= uThresholds.z) c = vec4(uColors[2], uAlphas[2]);
  if (v >= uThresholds.y) c = vec4(uColors[1], uAlphas[1]);
  if (v >= uThresholds.x) c = vec4(uColors[0], uAlphas[0]);
  if (c.a <= 0.0) discard;
  gl_FragColor = c;
}`;

/** A raw ShaderMaterial writes its colour to the canvas as is (no colour-space chunk): give sRGB 0–1. */
const srgb = (rgb: readonly number[]) => new Vector3(rgb[0]! / 255, rgb[1]! / 255, rgb[2]! / 255);

/**
 * The modelled cloud in the twin: a translucent plane just above the ground, textured with the
 * ground-level concentration (one R8 texture per frame, log-scaled; see plume-field.ts) and
 * coloured in the shader by the same levels as the plan's zones. Transient releases play their
 * frames through `playback` (two frames blended); the frame loop only sets uniforms.
 */
export function PlumeField({ result, source, playback }: { result: AssessmentView; source: { eastM: number; northM: number }; playback: PlumePlayback }) {
  const built = useMemo(() => {
    const { grid } = result;
    const enc = fieldEncoding(result.zones.metadata.zones.map((z) => ({ ppm: z.ppm, color: z.color })));
    const textures = grid.frames.map((f) => {
      const bytes = encodeFrameInto(f.valuesPpm, enc, new Uint8Array(grid.nx * grid.ny));
      // Row j of the texture is the j-th row north of the grid's south edge: v grows northwards on the laid-down plane.
      const tex = new DataTexture(bytes, grid.nx, grid.ny, RedFormat, UnsignedByteType);
      tex.magFilter = LinearFilter;
      tex.minFilter = LinearFilter;
      tex.unpackAlignment = 1;
      tex.needsUpdate = true;
      return tex;
    });
    const colors = Array.from({ length: MAX_FIELD_LEVELS }, (_, k) => {
      return srgb(enc.levels[k] ? zoneRgb(enc.levels[k]!.color) : TRACE_RGB);
    });
    const material = new ShaderMaterial({
      vertexShader: VERTEX,
      fragmentShader: FRAGMENT,
      uniforms: {
        uFrameA: { value: textures[0] },
        uFrameB: { value: textures[0] },
        uMix: { value: 0 },
        uThresholds: { value: new Vector4(...levelThresholds(enc)) },
        uColors: { value: colors },
        uAlphas: { value: [...LEVEL_ALPHA] },
        uTraceColor: { value: srgb(TRACE_RGB) },
        uTraceAlpha: { value: TRACE_ALPHA },
      },
      transparent: true,
      depthWrite: false,
      side: DoubleSide,
    });
    const place = fieldPlacement(grid, source);
    const geometry = new PlaneGeometry(place.widthM, place.depthM);
    const mesh = new Mesh(geometry, material);
    mesh.rotation.x = -Math.PI / 2;
    mesh.position.set(sceneX(place.centreEastM), sceneY(FIELD_HEIGHT_M), sceneZ(place.centreNorthM));
    mesh.renderOrder = 10;
    mesh.frustumCulled = false;
    return { mesh, material, geometry, textures };
  }, [result, source]);

  useEffect(
    () => () => {
      built.geometry.dispose();
      built.material.dispose();
      for (const tex of built.textures) tex.dispose();
    },
    [built],
  );

  useFrame((_, dtS) => {
    playback.advance(dtS);
    const u = built.material.uniforms;
    const { a, b, mix } = playback.blend;
    u.uFrameA!.value = built.textures[a];
    u.uFrameB!.value = built.textures[b];
    u.uMix!.value = mix;
  });

  return <primitive object={built.mesh} />;
}
