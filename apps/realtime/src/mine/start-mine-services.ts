// The mine's hub services (issue 7), built in one place for create-hub: UWB range readings turned
// into positions before anything else sees them, the methane power-cut interlock, and withdrawal
// with escape routes, and people underground (attendance, zones and their alarms, paging,
// trajectories, roof). Every service ignores sites that are not coal mines.
import type { SqlClient } from '@safetwin/db';
import type { AlarmEngine } from '../alarms/alarm-engine.ts';
import type { CommandChannel } from '../commands/command-channel.ts';
import type { IngestService } from '../ingest/ingest-service.ts';
import type { SiteRegistry } from '../sites/site-registry.ts';
import { MethaneInterlock } from './interlock/methane-interlock.ts';
import { PeopleService } from './people/people-service.ts';
import { TagPositioning } from './positioning/tag-positioning.ts';
import { WithdrawalService } from './withdrawal/withdrawal-service.ts';

/** The running mine services. */
export interface MineServices {
  positioning: TagPositioning;
  interlock: MethaneInterlock;
  withdrawal: WithdrawalService;
  people: PeopleService;
  /** Stops the interlock and the people service; resolves once the people service has closed and the withdrawal writes are stored (errors go to `onError`). */
  close(): Promise<void>;
}

/**
 * Starts the mine services on a hub's parts. Call before intake starts (a persistent MQTT
 * session's backlog must reach the interlock) and after the alarm engine has started.
 */
export async function startMineServices(deps: {
  db: SqlClient;
  registry: SiteRegistry;
  ingest: IngestService;
  commands: CommandChannel;
  engine: AlarmEngine;
  now: () => number;
  onError: (err: unknown) => void;
  /** Run the methane power-cut interlock (off: the mine's own substations cut; withdrawals then come from CO alarms and orders only). */
  interlock: boolean;
}): Promise<MineServices> {
  const { db, registry, ingest, commands, engine, now, onError } = deps;
  const positioning = new TagPositioning({ site: (id) => registry.site(id) });
  ingest.useTransform(positioning.transform);
  const interlock = new MethaneInterlock({ sites: registry.all(), ingest, commands, engine, db, now, onError });
  if (deps.interlock) await interlock.start();
  const withdrawal = await new WithdrawalService({ db, sites: registry.all(), ingest, commands, interlock: deps.interlock ? interlock : undefined, engine, now, onError }).start();
  // Who is under a withdrawal order, read from the withdrawal service at most once a second per mine
  // (its view is a copy of every person; an order arrives with a page, so a second's lag is harmless).
  const ordered = new Map<string, { atMs: number; personIds: Set<string> }>();
  const hasOrder = (siteId: string, personId: string) => {
    let entry = ordered.get(siteId);
    if (!entry || now() - entry.atMs >= 1000) {
      const people = withdrawal.people(siteId)?.people ?? [];
      entry = { atMs: now(), personIds: new Set(people.filter((p) => p.order !== null && p.state !== 'safe').map((p) => p.personId)) };
      ordered.set(siteId, entry);
    }
    return entry.personIds.has(personId);
  };
  const people = await new PeopleService({ db, sites: registry.all(), ingest, commands, engine, deviceNum: (id) => registry.deviceNum(id), hasOrder, now, onError }).start();
  return {
    positioning, interlock, withdrawal, people,
    close: async () => {
      interlock.close();
      await people.close().catch(onError);
      await withdrawal.flushed();
    },
  };
}
