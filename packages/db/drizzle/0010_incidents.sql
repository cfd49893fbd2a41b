CREATE TABLE "incident_events" (
	"incident_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor" text NOT NULL,
	"message" text NOT NULL,
	"data" jsonb,
	CONSTRAINT "incident_events_incident_id_seq_pk" PRIMARY KEY("incident_id","seq")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"enterprise_id" text,
	"state" text NOT NULL,
	"origin" text NOT NULL,
	"title" text NOT NULL,
	"chemical" text,
	"level" smallint,
	"declared" jsonb,
	"alarm_ids" jsonb NOT NULL,
	"alarm_group_ids" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"milestones" jsonb NOT NULL,
	"assessment" jsonb,
	"valves" jsonb NOT NULL,
	"people" jsonb NOT NULL,
	"version" integer NOT NULL,
	"last_event_seq" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_site_created_idx" ON "incidents" USING btree ("site_id","created_at");--> statement-breakpoint
CREATE INDEX "incidents_open_idx" ON "incidents" USING btree ("site_id") WHERE "incidents"."state" <> 'closed';