CREATE TABLE "sim_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"input" jsonb NOT NULL,
	"context" jsonb NOT NULL,
	"engine_version" text NOT NULL,
	"result" jsonb,
	"error" text,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sim_runs_site_created_idx" ON "sim_runs" USING btree ("site_id","created_at");