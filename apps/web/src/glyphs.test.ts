import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Pictographs from the supplementary planes (U+1F000 and up: 🚒, 🔥, 🖨 …) need a colour emoji font. The wall's
 * machines are offline and carry what Debian's fonts-dejavu and fonts-noto-cjk give (and what the OS has): without an
 * emoji font they draw an empty box, as the fire-brigade button did. Symbols from the BMP (☎ ⚠ ☣ ✓ ◔) are in DejaVu.
 */
const SRC = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'e2e' ? [] : sources(p);
    return /\.(ts|tsx|css)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('glyphs on the wall', () => {
  it('no source text draws a pictograph that needs an emoji font', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const pictographs = [...line].filter((ch) => ch.codePointAt(0)! >= 0x1f000);
        if (pictographs.length > 0) found.push(`${path.relative(SRC, file)}:${i + 1} ${pictographs.join('')}`);
      });
    }
    expect(found).toEqual([]);
  });
});
