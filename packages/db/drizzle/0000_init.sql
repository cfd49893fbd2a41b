CREATE TABLE "commands" (
	"id" text PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"device_id" text NOT NULL,
	"action" text NOT NULL,
	"state" text NOT NULL,
	"issued_by" text NOT NULL,
	"reason" text,
	"issued_at" timestamp with time zone NOT NULL,
	"acked_at" timestamp with time zone,
	"message" text,
	"attempts" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_state" (
	"device_id" text PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_ts" timestamp with time zone NOT NULL,
	"values" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"num" serial PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"site_id" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"num" serial NOT NULL,
	"key_hash" text NOT NULL,
	"name" text NOT NULL,
	"site_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "gateway_keys_num_unique" UNIQUE("num"),
	CONSTRAINT "gateway_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "metrics" (
	"num" "smallserial" PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	CONSTRAINT "metrics_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "readings" (
	"ts" timestamp with time zone NOT NULL,
	"device_num" integer NOT NULL,
	"metric_num" smallint NOT NULL,
	"value" double precision NOT NULL,
	"seq" bigint NOT NULL,
	"gateway_num" integer NOT NULL,
	"ingest_ts" timestamp with time zone NOT NULL
) PARTITION BY RANGE ("ts");
--> statement-breakpoint
-- Hand-edited: readings are range-partitioned by day on sensor time (partitions.ts creates
-- the daily partitions ahead of time and drops expired ones); the default partition keeps
-- late or early readings that fall outside the daily partitions, so nothing is ever refused
-- for want of a partition.
CREATE TABLE "readings_default" PARTITION OF "readings" DEFAULT;
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"username" text PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"site_id" text,
	"enterprise_id" text,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_username_users_username_fk" FOREIGN KEY ("username") REFERENCES "public"."users"("username") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commands_site_issued_idx" ON "commands" USING btree ("site_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_device_site_idx" ON "devices" USING btree ("device_id","site_id");--> statement-breakpoint
CREATE INDEX "readings_device_ts_idx" ON "readings" USING btree ("device_num","ts");--> statement-breakpoint
CREATE INDEX "sessions_username_idx" ON "sessions" USING btree ("username");--> statement-breakpoint
-- Hand-written: the readings with their provenance spelled out (site, device, metric,
-- gateway key id), for operators, audits and tests. The hub itself reads by number.
CREATE VIEW "readings_provenance" AS
  SELECT r.ts, d.site_id, d.device_id, m.name AS metric, m.unit, r.value, r.seq, g.id AS gateway_id, r.ingest_ts
    FROM readings r
    JOIN devices d ON d.num = r.device_num
    JOIN metrics m ON m.num = r.metric_num
    JOIN gateway_keys g ON g.num = r.gateway_num;
