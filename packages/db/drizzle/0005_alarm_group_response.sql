ALTER TABLE "alarms" ADD COLUMN "group_id" text;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "first_out" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "response" jsonb;