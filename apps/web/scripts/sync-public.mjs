// Copies the product's static assets (the repo's root public/) into apps/web/public, where Next serves them.
// Runs before dev, build and start; apps/web/public is generated and kept out of git.
// First it puts Cesium's static assets (workers, imagery, widgets, third-party code) from the
// installed `cesium` package into public/cesium/ (also out of git), so the region globe runs
// with nothing from a CDN or Cesium ion. Both copies are skipped while their version stamp matches.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.resolve(webDir, '../../public');
const target = path.join(webDir, 'public');

/** The parts of Cesium's build the browser loads at run time (CESIUM_BASE_URL points at their folder). */
const CESIUM_DIRS = ['Workers', 'Assets', 'Widgets', 'ThirdParty'];
/** File inside a Cesium copy naming the package version it came from. */
const STAMP_FILE = 'cesium-version.txt';

/** The stamp of a Cesium copy, or null when there is none. */
function stampOf(dir) {
  const file = path.join(dir, STAMP_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

/** The installed cesium package: its version and Build/Cesium folder (npm may hoist it to the root). */
function installedCesium() {
  const require = createRequire(path.join(webDir, 'package.json'));
  const packageJson = require.resolve('cesium/package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));
  return { version, buildDir: path.join(path.dirname(packageJson), 'Build', 'Cesium') };
}

/** Copies Cesium's run-time assets into `dir` unless the copy there is already of `version`. */
function syncCesium(dir, version, buildDir) {
  if (stampOf(dir) === version) return false;
  rmSync(dir, { recursive: true, force: true });
  for (const part of CESIUM_DIRS) {
    const from = path.join(buildDir, part);
    if (!existsSync(from)) throw new Error(`sync-public: ${from} is missing; reinstall cesium`);
    cpSync(from, path.join(dir, part), { recursive: true });
  }
  writeFileSync(path.join(dir, STAMP_FILE), `${version}\n`);
  return true;
}

mkdirSync(target, { recursive: true });
if (!existsSync(source)) {
  console.warn(`sync-public: ${source} is missing; nothing copied`);
  process.exit(0);
}

const cesium = installedCesium();
const cesiumSource = path.join(source, 'cesium');
if (syncCesium(cesiumSource, cesium.version, cesium.buildDir)) console.log(`sync-public: cesium ${cesium.version} → ${path.relative(webDir, cesiumSource)}/`);

// Everything else every time (small); the Cesium copy only when the one served is of another version.
const cesiumTarget = path.join(target, 'cesium');
const cesiumCurrent = stampOf(cesiumTarget) === cesium.version;
if (!cesiumCurrent) rmSync(cesiumTarget, { recursive: true, force: true });
cpSync(source, target, { recursive: true, force: true, filter: (from) => !(cesiumCurrent && from === cesiumSource) });
console.log(`sync-public: ${path.relative(webDir, source)} → public/${cesiumCurrent ? ' (cesium unchanged)' : ''}`);
