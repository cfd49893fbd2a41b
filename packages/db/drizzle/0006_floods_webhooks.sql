CREATE TABLE "alarm_group_members" (
	"group_id" text NOT NULL,
	"alarm_id" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alarm_group_members_group_id_alarm_id_pk" PRIMARY KEY("group_id","alarm_id")
);
--> statement-breakpoint
CREATE TABLE "alarm_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"unit" text NOT NULL,
	"cause" text NOT NULL,
	"first_out_alarm_id" text NOT NULL,
	"top_level" smallint NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"last_activation_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"member_count" integer NOT NULL,
	"activation_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"hook_id" text NOT NULL,
	"event_id" text NOT NULL,
	"event" text NOT NULL,
	"alarm_id" text,
	"attempt" integer NOT NULL,
	"status_code" integer,
	"error" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" text PRIMARY KEY NOT NULL,
	"site_id" text NOT NULL,
	"enterprise_id" text,
	"tier" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"events" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alarm_group_members" ADD CONSTRAINT "alarm_group_members_group_id_alarm_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."alarm_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_hook_id_webhooks_id_fk" FOREIGN KEY ("hook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alarm_groups_site_opened_idx" ON "alarm_groups" USING btree ("site_id","opened_at");--> statement-breakpoint
CREATE INDEX "alarm_groups_open_idx" ON "alarm_groups" USING btree ("site_id") WHERE "alarm_groups"."closed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_hook_at_idx" ON "webhook_deliveries" USING btree ("hook_id","at");--> statement-breakpoint
CREATE INDEX "webhooks_site_idx" ON "webhooks" USING btree ("site_id");