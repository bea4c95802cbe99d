DROP INDEX "attendance_day";--> statement-breakpoint
ALTER TABLE "attendance" DROP CONSTRAINT "attendance_registration_id_day_id_pk";--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_day_id_registration_id_pk" PRIMARY KEY("day_id","registration_id");