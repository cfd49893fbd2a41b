import { describe, expect, it } from 'vitest';
import { MeshBasicMaterial } from 'three';
import { MAX_MARKER_BOOST, applyMarkerBoost, boostAt, boostPerMetre } from './marker-boost.ts';

describe('marker boost', () => {
  it('grows a marker so it spans at least the minimum share of the view height', () => {
    const perMetre = boostPerMetre(5, 45, 1 / 70);
    for (const depthM of [500, 1_000, 2_000]) {
      const k = boostAt(depthM, perMetre);
      const share = (5 * k) / (2 * depthM * Math.tan((45 * Math.PI) / 360));
      expect(share, `at ${depthM} m`).toBeCloseTo(1 / 70, 9);
    }
  });
  it('leaves near markers at their built size and caps far ones', () => {
    const perMetre = boostPerMetre(5, 45);
    expect(boostAt(10, perMetre)).toBe(1);
    expect(boostAt(1e7, perMetre)).toBe(MAX_MARKER_BOOST);
  });
  it('refuses a bad size or field of view', () => {
    expect(() => boostPerMetre(0, 45)).toThrow(/marker size/);
    expect(() => boostPerMetre(5, 180)).toThrow(/fov/);
  });
  it('patches the vertex shader with the uniform and keeps the program apart in the cache', () => {
    const material = new MeshBasicMaterial();
    const uniform = { value: { x: 0.01, y: 12 } };
    applyMarkerBoost(material, uniform);
    const shader = { uniforms: {} as Record<string, unknown>, vertexShader: 'void main() {\n#include <project_vertex>\n}', fragmentShader: '' };
    material.onBeforeCompile(shader as never, null as never);
    expect(shader.uniforms.markerBoost).toBe(uniform);
    expect(shader.vertexShader).toMatch(/^uniform vec2 markerBoost;/);
    expect(shader.vertexShader).toMatch(/transformed \*= clamp\(-markerCenterMv\.z \* markerBoost\.x, 1\.0, markerBoost\.y\);\n#endif\n#include <project_vertex>/);
    expect(material.customProgramCacheKey()).toBe('safetwin-marker-boost');
  });
});
