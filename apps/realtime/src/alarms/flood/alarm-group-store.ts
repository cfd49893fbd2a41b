import { alarmGroupMembers, alarmGroups, type SqlClient } from '@safetwin/db';
import { and, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { AlarmGroupSink, AlarmGroupView } from './alarm-group.ts';
import { WriteBehind } from '../write-behind.ts';

interface GroupChange {
  group: AlarmGroupView;
  member: { alarmId: string; joinedAt: number } | null;
}

type GroupRow = typeof alarmGroups.$inferSelect;
const toView = (r: GroupRow): AlarmGroupView => ({
  id: r.id,
  siteId: r.siteId,
  unit: r.unit,
  cause: r.cause as AlarmGroupView['cause'],
  firstOutAlarmId: r.firstOutAlarmId,
  topLevel: r.topLevel as AlarmGroupView['topLevel'],
  openedAt: r.openedAt.getTime(),
  lastActivationAt: r.lastActivationAt.getTime(),
  closedAt: r.closedAt?.getTime() ?? null,
  memberCount: r.memberCount,
  activationCount: r.activationCount,
});

/**
 * Alarm groups and their members in the database. Changes are written in order, a batch per
 * transaction with each group's latest state once; a failed batch is kept and retried, so a
 * database hiccup delays the record but never reorders or drops it (grouping itself runs in
 * memory and never waits for it).
 */
export class AlarmGroupStore implements AlarmGroupSink {
  private readonly writer: WriteBehind<GroupChange>;

  constructor(
    private readonly db: SqlClient,
    onError: (err: unknown) => void,
  ) {
    this.writer = new WriteBehind((batch) => this.write(batch), onError, 'alarm group changes');
  }

  save(group: AlarmGroupView, member: GroupChange['member']): void {
    void this.writer.push({ group, member });
  }

  /** Groups not closed yet, with their members' alarm ids. */
  async loadOpen(): Promise<{ groups: AlarmGroupView[]; members: Map<string, string[]> }> {
    const groups = (await this.db.orm.select().from(alarmGroups).where(isNull(alarmGroups.closedAt))).map(toView);
    const members = await this.members(groups.map((g) => g.id));
    return { groups, members: new Map([...members].map(([id, list]) => [id, list.map((m) => m.alarmId)])) };
  }

  /** Groups of some sites (all when null), open, closed or both, newest first; `offset` skips that many. */
  async list(siteIds: readonly string[] | null, open: boolean | undefined, limit: number, offset = 0): Promise<AlarmGroupView[]> {
    const where: SQL[] = [];
    if (siteIds) where.push(inArray(alarmGroups.siteId, [...siteIds]));
    if (open !== undefined) where.push(open ? isNull(alarmGroups.closedAt) : isNotNull(alarmGroups.closedAt));
    const rows = await this.db.orm.select().from(alarmGroups).where(and(...where)).orderBy(desc(alarmGroups.openedAt), desc(alarmGroups.id)).limit(limit).offset(offset);
    return rows.map(toView);
  }

  async get(id: string): Promise<AlarmGroupView | undefined> {
    const [row] = await this.db.orm.select().from(alarmGroups).where(eq(alarmGroups.id, id));
    return row ? toView(row) : undefined;
  }

  /** The members of groups, in the order they joined. */
  async members(groupIds: readonly string[]): Promise<Map<string, { alarmId: string; joinedAt: number }[]>> {
    const out = new Map<string, { alarmId: string; joinedAt: number }[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return out;
    const rows = await this.db.orm.select().from(alarmGroupMembers).where(inArray(alarmGroupMembers.groupId, [...groupIds])).orderBy(alarmGroupMembers.joinedAt);
    for (const r of rows) out.get(r.groupId)?.push({ alarmId: r.alarmId, joinedAt: r.joinedAt.getTime() });
    return out;
  }

  /** Shutdown: resolves once everything queued is stored, or after a deadline with an error reporting what was not. */
  drain(deadlineMs?: number): Promise<void> {
    return this.writer.drain(deadlineMs);
  }

  /** One batch in one transaction: each group's latest state once, then the members in order. */
  private async write(batch: readonly GroupChange[]): Promise<void> {
    const latest = new Map(batch.map((c) => [c.group.id, c.group]));
    await this.db.transaction(async (tx) => {
      for (const g of latest.values()) {
        await tx.query(
          `INSERT INTO alarm_groups (id, site_id, unit, cause, first_out_alarm_id, top_level, opened_at, last_activation_at, closed_at, member_count, activation_count)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (id) DO UPDATE SET top_level = excluded.top_level, last_activation_at = excluded.last_activation_at,
             closed_at = excluded.closed_at, member_count = excluded.member_count, activation_count = excluded.activation_count`,
          [g.id, g.siteId, g.unit, g.cause, g.firstOutAlarmId, g.topLevel, new Date(g.openedAt), new Date(g.lastActivationAt), g.closedAt === null ? null : new Date(g.closedAt), g.memberCount, g.activationCount],
        );
      }
      for (const { group, member } of batch) {
        if (!member) continue;
        await tx.query(`INSERT INTO alarm_group_members (group_id, alarm_id, joined_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [group.id, member.alarmId, new Date(member.joinedAt)]);
      }
    });
  }
}
