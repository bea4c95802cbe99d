DROP INDEX "organisations_search_trgm";--> statement-breakpoint
DROP INDEX "people_search_trgm";--> statement-breakpoint
CREATE INDEX "organisations_search_trgm" ON "organisations" USING gin ("search_key" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "people_search_trgm" ON "people" USING gin ("search_key" gin_trgm_ops) WITH (fastupdate=false);