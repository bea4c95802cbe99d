ALTER TABLE "completion_history" ADD COLUMN "kind" text DEFAULT 'computed' NOT NULL;--> statement-breakpoint
ALTER TABLE "completions" ADD COLUMN "certificate_token_hash" text;--> statement-breakpoint
ALTER TABLE "completion_history" ADD CONSTRAINT "completion_history_kind" CHECK ("completion_history"."kind" in ('computed','override','override_removed'));