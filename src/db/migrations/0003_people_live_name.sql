DROP INDEX "people_association_name";--> statement-breakpoint
CREATE INDEX "people_live_name" ON "people" USING btree ("association_id","full_name") WHERE "people"."merged_into_id" is null;