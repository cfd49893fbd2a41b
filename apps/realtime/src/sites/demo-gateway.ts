import type { startSimulatorGateway } from '@safetwin/simulator';
import type { Site } from '@safetwin/twin-models';

/** The running demo simulator, a gateway like any other. */
export type DemoGateway = Awaited<ReturnType<typeof startSimulatorGateway>>;

/** Starts the demo sensor simulator against this hub's own socket.io endpoint, with the demo gateway key. */
export async function startDemoGateway(
  hubUrl: string,
  gatewayKey: string,
  sites: Site[],
  logger: { info: (msg: string) => void; warn: (msg: string) => void; error: (msg: string) => void },
): Promise<DemoGateway> {
  // Loaded on demand: a production hub (no demo) never loads the simulator.
  const { startSimulatorGateway: start } = await import('@safetwin/simulator');
  return start({
    hubUrl,
    gatewayKey,
    sites,
    // The mine's tags range to the UWB anchors like real ones; the hub computes their positions (mine/positioning).
    uwb: { report: 'ranges' },
    logger: {
      info: (msg: string) => logger.info(`simulator: ${msg}`),
      warn: (msg: string) => logger.warn(`simulator: ${msg}`),
      error: (msg: string) => logger.error(`simulator: ${msg}`),
    },
  });
}
