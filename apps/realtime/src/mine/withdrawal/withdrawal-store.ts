// Durable withdrawals (tables mine_withdrawals and mine_withdrawal_orders, migration 0012): a hub
// restarted during a withdrawal must still know who was ordered out, by which route, and who has
// acknowledged or reached safety. One row per withdrawal, one per person's current order.
import { jsonValue, timestampMs, type SqlClient } from '@safetwin/db';
import type { PersonOrderView, PersonState, WithdrawalView } from '@safetwin/protocol';

/** A person's current order and the state it has put them in. */
export interface StoredOrder {
  personId: string;
  state: PersonState;
  order: PersonOrderView;
}

/** What a mine's restart reads back. */
export interface RestoredWithdrawals {
  /** Oldest first. */
  withdrawals: WithdrawalView[];
  orders: StoredOrder[];
  /** The highest withdrawal number the site has used (0: none), so ids go on from it. */
  lastSeq: number;
}

interface WithdrawalRow {
  id: string;
  at: Date | string;
  reason: string;
  reason_text: unknown;
  ordered_by: string;
  source_roadway_ids: unknown;
  affected_roadway_ids: unknown;
  person_ids: unknown;
}

interface OrderRow {
  person_id: string;
  withdrawal_id: string;
  state: string;
  decision: string;
  reason: string;
  destination: unknown;
  roadway_ids: unknown;
  polyline: unknown;
  eta_s: number | null;
  self_rescuer_s: number | null;
  paged_at: Date | string;
  page_state: string;
  acked_at: Date | string | null;
  safe_at: Date | string | null;
}

/** The columns of an order as `jsonb_to_recordset` reads them from {@link orderRecord}. */
const ORDER_RECORD = `x(site_id text, person_id text, withdrawal_id text, state text, decision text, reason text, destination jsonb, roadway_ids jsonb,
  polyline jsonb, eta_s float8, self_rescuer_s float8, paged_at timestamptz, page_state text, acked_at timestamptz, safe_at timestamptz)`;
const ORDER_COLUMNS = 'site_id, person_id, withdrawal_id, state, decision, reason, destination, roadway_ids, polyline, eta_s, self_rescuer_s, paged_at, page_state, acked_at, safe_at';

const iso = (v: number | null) => (v === null ? null : new Date(v).toISOString());

const orderRecord = (siteId: string, o: StoredOrder) => ({
  site_id: siteId, person_id: o.personId, withdrawal_id: o.order.withdrawalId, state: o.state, decision: o.order.decision, reason: o.order.reason,
  destination: o.order.destination, roadway_ids: o.order.roadwayIds, polyline: o.order.polyline, eta_s: o.order.etaS, self_rescuer_s: o.order.selfRescuerS,
  paged_at: iso(o.order.pagedAt), page_state: o.order.pageState, acked_at: iso(o.order.ackedAt), safe_at: iso(o.order.safeAt),
});

const toWithdrawal = (r: WithdrawalRow): WithdrawalView => ({
  id: r.id, at: timestampMs(r.at), reason: r.reason, reasonText: (jsonValue(r.reason_text) as WithdrawalView['reasonText']) ?? null, orderedBy: r.ordered_by,
  sourceRoadwayIds: jsonValue(r.source_roadway_ids), affectedRoadwayIds: jsonValue(r.affected_roadway_ids), personIds: jsonValue(r.person_ids),
});

const toOrder = (r: OrderRow): StoredOrder => ({
  personId: r.person_id,
  state: r.state as PersonState,
  order: {
    withdrawalId: r.withdrawal_id, decision: r.decision as PersonOrderView['decision'], reason: r.reason, destination: jsonValue(r.destination),
    roadwayIds: jsonValue(r.roadway_ids), polyline: jsonValue(r.polyline), etaS: r.eta_s, selfRescuerS: r.self_rescuer_s,
    pagedAt: timestampMs(r.paged_at), pageState: r.page_state, ackedAt: r.acked_at === null ? null : timestampMs(r.acked_at), safeAt: r.safe_at === null ? null : timestampMs(r.safe_at),
  },
});

/** Reads and writes a mine's withdrawals and its people's orders. */
export class WithdrawalStore {
  constructor(private readonly db: SqlClient) {}

  /**
   * The withdrawals to show again after a restart — those ordered since `sinceMs` and those
   * someone is still under (not yet safe) — with their people's current orders.
   */
  async restore(siteId: string, sinceMs: number): Promise<RestoredWithdrawals> {
    const withdrawals = (await this.db.query<WithdrawalRow>(
      `SELECT id, at, reason, reason_text, ordered_by, source_roadway_ids, affected_roadway_ids, person_ids FROM mine_withdrawals
        WHERE site_id = $1 AND (at >= $2 OR id IN (SELECT withdrawal_id FROM mine_withdrawal_orders WHERE site_id = $1 AND state <> 'safe')) ORDER BY seq`,
      [siteId, new Date(sinceMs).toISOString()],
    )).map(toWithdrawal);
    const ids = new Set(withdrawals.map((w) => w.id));
    const orders = (await this.db.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM mine_withdrawal_orders WHERE site_id = $1`, [siteId])).filter((r) => ids.has(r.withdrawal_id)).map(toOrder);
    const [last] = await this.db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM mine_withdrawals WHERE site_id = $1', [siteId]);
    return { withdrawals, orders, lastSeq: last?.seq ?? 0 };
  }

  /** Stores a new withdrawal (number `seq`) and the orders it gave, replacing those people's earlier orders: all in one transaction. */
  async insert(siteId: string, seq: number, w: WithdrawalView, orders: readonly StoredOrder[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO mine_withdrawals (id, site_id, seq, at, reason, reason_text, ordered_by, source_roadway_ids, affected_roadway_ids, person_ids)
          VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8::text::jsonb, $9::text::jsonb, $10::text::jsonb)`,
        [w.id, siteId, seq, new Date(w.at).toISOString(), w.reason, w.reasonText ? JSON.stringify(w.reasonText) : null, w.orderedBy, JSON.stringify(w.sourceRoadwayIds), JSON.stringify(w.affectedRoadwayIds), JSON.stringify(w.personIds)],
      );
      if (orders.length === 0) return;
      await tx.query(
        `INSERT INTO mine_withdrawal_orders (${ORDER_COLUMNS}) SELECT ${ORDER_COLUMNS} FROM jsonb_to_recordset($1::text::jsonb) AS ${ORDER_RECORD}
          ON CONFLICT (site_id, person_id) DO UPDATE SET ${ORDER_COLUMNS.split(', ').slice(2).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
        [JSON.stringify(orders.map((o) => orderRecord(siteId, o)))],
      );
    });
  }

  /**
   * Writes what changed on orders (state, page outcome, acknowledgement, safety) in one statement.
   * An order that a newer withdrawal has replaced in the meantime is left alone.
   */
  async update(siteId: string, orders: readonly StoredOrder[]): Promise<void> {
    if (orders.length === 0) return;
    await this.db.query(
      `UPDATE mine_withdrawal_orders o SET state = x.state, page_state = x.page_state, acked_at = x.acked_at, safe_at = x.safe_at
        FROM jsonb_to_recordset($1::text::jsonb) AS ${ORDER_RECORD}
        WHERE o.site_id = x.site_id AND o.person_id = x.person_id AND o.withdrawal_id = x.withdrawal_id`,
      [JSON.stringify(orders.map((o) => orderRecord(siteId, o)))],
    );
  }
}
