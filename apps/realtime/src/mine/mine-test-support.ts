// Test support for the mine services: a test hub with the demo simulator playing only the mine
// (no random faults), and readings posted as a gateway would.
import { expect } from 'vitest';
import type { CoalMine } from '@safetwin/twin-models';
import { startSimulatorGateway, type SimulatorGateway } from '@safetwin/simulator';
import type { Hub } from '../create-hub.ts';
import type { HubOptions } from '../hub-options.ts';
import { call, startTestHub, TEST_GATEWAY_KEY, type StoreVariant } from '../test-support/test-hub.ts';

/** The demo mine of a hub. */
export const mineOf = (hub: Hub) => hub.registry.all().find((s) => s.kind === 'coal-mine') as CoalMine;

/** A test hub and the simulator playing its mine through the gateway API; `dispose` stops both. */
export async function startMineHub(variant: StoreVariant, simulate: boolean, overrides: Partial<HubOptions> = {}): Promise<{ hub: Hub; gateway: SimulatorGateway | null; dispose: () => Promise<void> }> {
  const hub = await startTestHub(variant, overrides);
  const gateway = simulate ? await startSimulatorGateway({ hubUrl: hub.url, gatewayKey: TEST_GATEWAY_KEY, sites: [mineOf(hub)], faultRatePerDeviceHour: 0 }) : null;
  return {
    hub,
    gateway,
    dispose: async () => {
      await gateway?.stop();
      await hub.dispose();
    },
  };
}

let seq = 1_000_000;
/** Posts readings (now, or at `ts`) through the HTTP ingest with the test gateway key; expects 202. */
export async function postReadings(hub: Hub, readings: Array<{ deviceId: string; values: Record<string, number>; ts?: number }>) {
  const body = { readings: readings.map((r) => ({ deviceId: r.deviceId, ts: r.ts ?? Date.now(), seq: seq++, values: r.values })) };
  const res = await call(hub, 'POST', '/ingest', { token: TEST_GATEWAY_KEY, body });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body;
}
