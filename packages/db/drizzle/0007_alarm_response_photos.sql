CREATE TABLE "alarm_response_photos" (
	"id" text PRIMARY KEY NOT NULL,
	"alarm_id" text NOT NULL,
	"data_url" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "alarm_response_photos_alarm_idx" ON "alarm_response_photos" USING btree ("alarm_id");