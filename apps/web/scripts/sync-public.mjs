// Copies the product's static assets (the repo's root public/) into apps/web/public, where Next serves them.
// Runs before dev, build and start; apps/web/public is generated and kept out of git.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.resolve(webDir, '../../public');
const target = path.join(webDir, 'public');

mkdirSync(target, { recursive: true });
if (existsSync(source)) {
  cpSync(source, target, { recursive: true, force: true });
  console.log(`sync-public: ${path.relative(webDir, source)} → public/`);
} else {
  console.warn(`sync-public: ${source} is missing; nothing copied`);
}
