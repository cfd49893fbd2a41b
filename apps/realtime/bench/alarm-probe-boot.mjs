// Worker threads do not inherit tsx's loader: register it, then run the TypeScript probe.
import { register } from 'tsx/esm/api';

register();
await import('./alarm-probe-worker.ts');
