CREATE TABLE "alarm_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alarm_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"alarm_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"event" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor" text NOT NULL,
	"reason" text,
	"value" double precision
);
--> statement-breakpoint
CREATE TABLE "alarms" (
	"id" text PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"enterprise_id" text,
	"device_id" text NOT NULL,
	"metric" text NOT NULL,
	"kind" text NOT NULL,
	"level" smallint NOT NULL,
	"priority" text NOT NULL,
	"state" text NOT NULL,
	"process_active" boolean NOT NULL,
	"value" double precision,
	"setpoint" double precision,
	"count" integer NOT NULL,
	"raised_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"shelved_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "alarm_events" ADD CONSTRAINT "alarm_events_alarm_id_alarms_id_fk" FOREIGN KEY ("alarm_id") REFERENCES "public"."alarms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alarm_events_alarm_at_idx" ON "alarm_events" USING btree ("alarm_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_point_idx" ON "alarms" USING btree ("site_id","device_id","metric","kind");--> statement-breakpoint
CREATE INDEX "alarms_site_state_idx" ON "alarms" USING btree ("site_id","state");