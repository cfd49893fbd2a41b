// Markers that stay readable from across the site: a vertex-shader patch grows each instance
// about its own centre once it is far enough from the camera that it would shrink below a set
// share of the view's height. It costs nothing per frame on the CPU (no matrix rewrites when the
// camera moves) and leaves near markers at their true built size.
import type { Material, WebGLProgramParametersWithUniforms } from 'three';

/** Share of the view's height a marker of the scene's marker size may shrink to before it grows. */
export const MIN_MARKER_VIEW_SHARE = 1 / 100;
/** Most a marker may grow, ×. */
export const MAX_MARKER_BOOST = 12;

/** The shader uniform: x = growth per metre of view depth (1/m), y = the cap. Shared by every boosted material of a scene. */
export interface MarkerBoostUniform {
  value: { x: number; y: number };
}

/**
 * Growth per metre of view depth so a marker of `markerSizeM` never spans less than
 * `minShare` of the view's height: at depth d it spans markerSizeM / (2 d tan(fov/2)) of the
 * height, so it must grow by d · 2 tan(fov/2) · minShare / markerSizeM (never below 1).
 */
export function boostPerMetre(markerSizeM: number, verticalFovDeg: number, minShare = MIN_MARKER_VIEW_SHARE): number {
  if (!(markerSizeM > 0) || !(verticalFovDeg > 0 && verticalFovDeg < 180)) throw new Error(`boostPerMetre: bad marker size ${markerSizeM} or fov ${verticalFovDeg}`);
  return (2 * Math.tan((verticalFovDeg * Math.PI) / 360) * minShare) / markerSizeM;
}

/** The factor the shader applies at view depth `depthM` (same formula, for tests and picking). */
export function boostAt(depthM: number, perMetre: number, cap = MAX_MARKER_BOOST): number {
  return Math.min(cap, Math.max(1, depthM * perMetre));
}

const PATCH = /* glsl */ `
#ifdef USE_INSTANCING
  vec4 markerCenterMv = modelViewMatrix * instanceMatrix * vec4(0.0, 0.0, 0.0, 1.0);
  transformed *= clamp(-markerCenterMv.z * markerBoost.x, 1.0, markerBoost.y);
#endif
#include <project_vertex>`;

/** Patches an instanced material's vertex shader to grow distant markers (see the module comment). */
export function applyMarkerBoost(material: Material, uniform: MarkerBoostUniform): void {
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.uniforms.markerBoost = uniform;
    shader.vertexShader = `uniform vec2 markerBoost;\n${shader.vertexShader.replace('#include <project_vertex>', PATCH)}`;
  };
  material.customProgramCacheKey = () => 'safetwin-marker-boost';
}
