CREATE TABLE "mine_attendance" (
	"site_id" text NOT NULL,
	"person_id" text NOT NULL,
	"tag_device_id" text NOT NULL,
	"down_at" timestamp with time zone NOT NULL,
	"down_observed" boolean NOT NULL,
	"down_shaft_id" text,
	"up_at" timestamp with time zone,
	"up_shaft_id" text,
	CONSTRAINT "mine_attendance_site_id_person_id_down_at_pk" PRIMARY KEY("site_id","person_id","down_at")
);
--> statement-breakpoint
CREATE TABLE "mine_zone_settings" (
	"site_id" text NOT NULL,
	"zone_id" text NOT NULL,
	"headcount_limit" integer,
	"restricted" boolean NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mine_zone_settings_site_id_zone_id_pk" PRIMARY KEY("site_id","zone_id")
);
--> statement-breakpoint
CREATE INDEX "mine_attendance_site_down_idx" ON "mine_attendance" USING btree ("site_id","down_at");--> statement-breakpoint
CREATE INDEX "mine_attendance_open_idx" ON "mine_attendance" USING btree ("site_id") WHERE "mine_attendance"."up_at" IS NULL;