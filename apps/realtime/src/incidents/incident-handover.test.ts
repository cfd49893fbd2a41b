// An incident whose likely source moves from plant A to plant B on a real hub (demo park, no
// simulator): A's officer gets one `incident-handed-over` and no update after it, B's officer the
// updates (source-move-scenario.ts). PGlite always, PostgreSQL when DATABASE_URL is set; the same
// scenario across two hubs behind the Redis adapter is in scale-out.test.ts.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Hub } from '../create-hub.ts';
import { startTestHub, storeVariants, type TestSocket } from '../test-support/test-hub.ts';
import { runSourceMove } from './source-move-scenario.ts';

/** No periodic reassessment during a test (the first one still runs at creation). */
const QUIET = { incidentReassessMs: 600_000 };
/** Hub starts and tests under load (CI, a shared machine): generous, never asserted. */
const HOOK_MS = 180_000;
const TEST_MS = 120_000;

for (const variant of storeVariants()) {
  describe(`an incident whose source moves to another plant (${variant.name})`, () => {
    let hub: Hub & { dispose: () => Promise<void> };
    const sockets: TestSocket[] = [];
    beforeAll(async () => {
      hub = await startTestHub(variant, QUIET);
    }, HOOK_MS);
    afterAll(async () => {
      for (const s of sockets) s.disconnect();
      await hub?.dispose();
    }, HOOK_MS);

    it('tells the first plant once that it no longer concerns it, then sends the updates to the second plant only', async () => {
      await runSourceMove(hub, hub, sockets);
    }, TEST_MS);
  });
}
