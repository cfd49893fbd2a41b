// One Vitest setup for every workspace: co-located *.test.ts, Node environment,
// and a JSON report per package under .reports/ so .ci/run can print one summary line.
import { defineConfig } from 'vitest/config';
import path from 'node:path';

/** Vitest config for the package in `dir`; `name` labels its report. */
export function packageTestConfig(dir: string, name: string, overrides: { testTimeoutMs?: number; include?: string[] } = {}) {
  return defineConfig({
    test: {
      include: overrides.include ?? ['src/**/*.test.ts'],
      environment: 'node',
      testTimeout: overrides.testTimeoutMs ?? 30_000,
      hookTimeout: 60_000,
      fileParallelism: false,
      reporters: ['default', 'json'],
      outputFile: { json: path.resolve(dir, '../../.reports', `${name}.json`) },
    },
  });
}
