CREATE TABLE "signing_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"controller" text NOT NULL,
	"algorithm" text NOT NULL,
	"status" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"private_key" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "signing_keys_algorithm" CHECK ("signing_keys"."algorithm" in ('Ed25519','ES256')),
	CONSTRAINT "signing_keys_status" CHECK ("signing_keys"."status" in ('current','retired','withdrawn')),
	CONSTRAINT "signing_keys_private_when_current" CHECK (("signing_keys"."status" = 'current') = ("signing_keys"."private_key" is not null))
);
--> statement-breakpoint
CREATE TABLE "status_list_entries" (
	"list_id" integer NOT NULL,
	"index" integer NOT NULL,
	"allocated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_list_entries_list_id_index_pk" PRIMARY KEY("list_id","index")
);
--> statement-breakpoint
CREATE TABLE "status_lists" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "status_lists_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"purpose" text NOT NULL,
	"number" integer NOT NULL,
	"length" integer NOT NULL,
	"bits" "bytea" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"full_at" timestamp with time zone,
	CONSTRAINT "status_lists_purpose" CHECK ("status_lists"."purpose" in ('revocation','suspension')),
	CONSTRAINT "status_lists_length" CHECK ("status_lists"."length" >= 131072 and "status_lists"."length" % 8 = 0 and octet_length("status_lists"."bits") * 8 = "status_lists"."length")
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_head_single" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor" text NOT NULL,
	"entity" text NOT NULL,
	"action" text NOT NULL,
	"data" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "status_list_entries" ADD CONSTRAINT "status_list_entries_list_id_status_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_one_current" ON "signing_keys" USING btree ("controller","algorithm") WHERE "signing_keys"."status" = 'current';--> statement-breakpoint
CREATE UNIQUE INDEX "status_lists_purpose_number" ON "status_lists" USING btree ("purpose","number");--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity","seq");--> statement-breakpoint
INSERT INTO "audit_chain_head" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64));--> statement-breakpoint
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
