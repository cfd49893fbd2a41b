CREATE TABLE "mine_withdrawal_orders" (
	"site_id" text NOT NULL,
	"person_id" text NOT NULL,
	"withdrawal_id" text NOT NULL,
	"state" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"destination" jsonb,
	"roadway_ids" jsonb NOT NULL,
	"polyline" jsonb NOT NULL,
	"eta_s" double precision,
	"self_rescuer_s" double precision,
	"paged_at" timestamp with time zone NOT NULL,
	"page_state" text NOT NULL,
	"acked_at" timestamp with time zone,
	"safe_at" timestamp with time zone,
	CONSTRAINT "mine_withdrawal_orders_site_id_person_id_pk" PRIMARY KEY("site_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "mine_withdrawals" (
	"id" text PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"ordered_by" text NOT NULL,
	"source_roadway_ids" jsonb NOT NULL,
	"affected_roadway_ids" jsonb NOT NULL,
	"person_ids" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mine_withdrawal_orders" ADD CONSTRAINT "mine_withdrawal_orders_withdrawal_id_mine_withdrawals_id_fk" FOREIGN KEY ("withdrawal_id") REFERENCES "public"."mine_withdrawals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mine_withdrawals_site_seq_idx" ON "mine_withdrawals" USING btree ("site_id","seq");--> statement-breakpoint
CREATE INDEX "mine_withdrawals_site_at_idx" ON "mine_withdrawals" USING btree ("site_id","at");