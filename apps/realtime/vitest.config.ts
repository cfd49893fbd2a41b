import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig(import.meta.dirname, 'realtime', { testTimeoutMs: 60_000, include: ['src/**/*.test.ts', 'bench/**/*.test.ts'] });
