ALTER TABLE "training_sessions" ADD COLUMN "confirmed_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "waitlisted_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "training_sessions" s SET
	"confirmed_count" = (SELECT count(*) FROM "registrations" r WHERE r."session_id" = s."id" AND r."status" = 'confirmed'),
	"waitlisted_count" = (SELECT count(*) FROM "registrations" r WHERE r."session_id" = s."id" AND r."status" = 'waitlisted');--> statement-breakpoint
CREATE FUNCTION "registrations_seat_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD."session_id" = NEW."session_id" THEN
		IF OLD."status" IS DISTINCT FROM NEW."status" THEN
			UPDATE "training_sessions" SET
				"confirmed_count" = "confirmed_count" + (NEW."status" = 'confirmed')::int - (OLD."status" = 'confirmed')::int,
				"waitlisted_count" = "waitlisted_count" + (NEW."status" = 'waitlisted')::int - (OLD."status" = 'waitlisted')::int
			WHERE "id" = NEW."session_id";
		END IF;
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" IN ('confirmed', 'waitlisted') THEN
		UPDATE "training_sessions" SET
			"confirmed_count" = "confirmed_count" - (OLD."status" = 'confirmed')::int,
			"waitlisted_count" = "waitlisted_count" - (OLD."status" = 'waitlisted')::int
		WHERE "id" = OLD."session_id";
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."status" IN ('confirmed', 'waitlisted') THEN
		UPDATE "training_sessions" SET
			"confirmed_count" = "confirmed_count" + (NEW."status" = 'confirmed')::int,
			"waitlisted_count" = "waitlisted_count" + (NEW."status" = 'waitlisted')::int
		WHERE "id" = NEW."session_id";
	END IF;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "registrations_seat_counts" AFTER INSERT OR UPDATE OF "status", "session_id" OR DELETE ON "registrations" FOR EACH ROW EXECUTE FUNCTION "registrations_seat_counts"();
