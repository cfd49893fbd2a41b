import { packageTestConfig } from '../../vitest.shared.ts';

// The browser test builds and starts Next and the hub: give it room.
export default packageTestConfig(import.meta.dirname, 'web', { testTimeoutMs: 120_000 });
