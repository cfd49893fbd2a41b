// Worker threads do not inherit tsx's loader: register it, then load the TypeScript worker
// (same pattern as bench/load-worker-boot.mjs). Piscina calls this module's default export.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./sim-worker.ts');
export default worker.default;
