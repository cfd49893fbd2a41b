// Runs the demo gateway standalone against a hub:
//   tsx src/cli.ts --hub http://localhost:4000 --key <gateway key> [--site cp-nanjing] [--seed 1] [--fault-rate 0.02]
import { parseArgs } from 'node:util';
import { demoSites } from '@safetwin/twin-models';
import { startSimulatorGateway } from './gateway.ts';

const USAGE = 'usage: tsx src/cli.ts --hub <url> --key <gateway key> [--site <id>]… [--seed <n>] [--fault-rate <per device-hour>] [--stats-every <s>]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      hub: { type: 'string', default: process.env.SAFETWIN_HUB_URL ?? 'http://localhost:4000' },
      key: { type: 'string', default: process.env.SAFETWIN_GATEWAY_KEY },
      site: { type: 'string', multiple: true },
      seed: { type: 'string', default: '1' },
      'fault-rate': { type: 'string' },
      'stats-every': { type: 'string', default: '30' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.key) {
    console.error(`--key (or SAFETWIN_GATEWAY_KEY) is required\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const all = demoSites();
  const sites = values.site?.length ? all.filter((s) => values.site!.includes(s.id)) : all;
  if (sites.length === 0) {
    console.error(`no demo site matches ${values.site?.join(', ')}; known: ${all.map((s) => s.id).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const stamp = () => new Date().toISOString();
  const logger = {
    info: (m: string) => console.log(`${stamp()} info  ${m}`),
    warn: (m: string) => console.warn(`${stamp()} warn  ${m}`),
    error: (m: string) => console.error(`${stamp()} error ${m}`),
  };
  const faultRate = values['fault-rate'] === undefined ? undefined : Number(values['fault-rate']);
  const gateway = await startSimulatorGateway({
    hubUrl: values.hub,
    gatewayKey: values.key,
    sites,
    seed: Number(values.seed),
    ...(faultRate === undefined ? {} : { faultRatePerDeviceHour: faultRate }),
    logger,
  });
  logger.info(`simulating ${sites.map((s) => s.id).join(', ')} (${gateway.simulator.devices.size} devices) → ${values.hub}`);
  const every = Math.max(1, Number(values['stats-every'])) * 1000;
  const statsTimer = setInterval(() => {
    const s = gateway.stats();
    logger.info(`sent ${s.readingsSent} (accepted ${s.accepted}, duplicates ${s.duplicates}, rejected ${s.rejected}), buffered ${s.buffered}, dropped ${s.dropped}, faults ${gateway.simulator.faults().length}, commands ${s.commandsOk}/${s.commands}`);
  }, every);
  const shutdown = async () => {
    clearInterval(statsTimer);
    logger.info('stopping');
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
