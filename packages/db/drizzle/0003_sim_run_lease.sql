ALTER TABLE "sim_runs" ADD COLUMN "stage" text;--> statement-breakpoint
ALTER TABLE "sim_runs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sim_runs" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "sim_runs_active_idx" ON "sim_runs" USING btree ("state") WHERE "sim_runs"."state" IN ('queued', 'running');