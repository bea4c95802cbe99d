-- Each instance keeps some rows in memory (who a credential belongs to, people read through the API).
-- These triggers announce every change to those rows on one channel, on commit, so that every instance
-- forgets what changed, whichever code path or instance made the change.
CREATE FUNCTION "usta_announce_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		PERFORM pg_notify('usta_cache_changes', TG_ARGV[0] || ':' || OLD."id"::text);
	ELSE
		PERFORM pg_notify('usta_cache_changes', TG_ARGV[0] || ':' || NEW."id"::text);
	END IF;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "usta_announce_user_of_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM pg_notify('usta_cache_changes', 'user:' || OLD."user_id"::text);
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		PERFORM pg_notify('usta_cache_changes', 'user:' || NEW."user_id"::text);
	END IF;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "users_announce" AFTER UPDATE OR DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION "usta_announce_row"('user');--> statement-breakpoint
CREATE TRIGGER "memberships_announce" AFTER INSERT OR UPDATE OR DELETE ON "memberships" FOR EACH ROW EXECUTE FUNCTION "usta_announce_user_of_row"();--> statement-breakpoint
CREATE TRIGGER "sessions_announce" AFTER UPDATE OR DELETE ON "sessions" FOR EACH ROW EXECUTE FUNCTION "usta_announce_user_of_row"();--> statement-breakpoint
CREATE TRIGGER "api_tokens_announce" AFTER UPDATE OF "revoked_at", "user_id" OR DELETE ON "api_tokens" FOR EACH ROW EXECUTE FUNCTION "usta_announce_user_of_row"();--> statement-breakpoint
CREATE TRIGGER "people_announce" AFTER UPDATE OR DELETE ON "people" FOR EACH ROW EXECUTE FUNCTION "usta_announce_row"('person');--> statement-breakpoint
CREATE TRIGGER "organisations_announce" AFTER UPDATE OR DELETE ON "organisations" FOR EACH ROW EXECUTE FUNCTION "usta_announce_row"('organisation');
