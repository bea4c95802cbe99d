CREATE TABLE "application_checks" (
	"application_id" uuid NOT NULL,
	"requirement_id" text NOT NULL,
	"met" boolean NOT NULL,
	"note" text,
	"checked_by" uuid,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_checks_application_id_requirement_id_pk" PRIMARY KEY("application_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "certificate_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"reason_category" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"application_id" uuid,
	"origin" text NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"holder_name" text NOT NULL,
	"holder_name_latin" text,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason_category" text,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"verification_code" text NOT NULL,
	"replaces_id" uuid,
	"revocation_list_id" integer,
	"revocation_index" integer,
	"suspension_list_id" integer,
	"suspension_index" integer,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_status" CHECK ("certificates"."status" in ('active','suspended','revoked','expired')),
	CONSTRAINT "certificates_origin" CHECK ("certificates"."origin" in ('application','renewal','reissue')),
	CONSTRAINT "certificates_dates" CHECK ("certificates"."valid_until" > "certificates"."issued_on"),
	CONSTRAINT "certificates_reason" CHECK (("certificates"."status" in ('suspended','revoked')) <= ("certificates"."status_reason_category" is not null))
);
--> statement-breakpoint
CREATE TABLE "certification_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"experience_years" numeric(4, 1),
	"statement" text,
	"requirements" jsonb,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_applications_status" CHECK ("certification_applications"."status" in ('draft','submitted','in_review','needs_info','approved','rejected')),
	CONSTRAINT "certification_applications_experience" CHECK ("certification_applications"."experience_years" is null or "certification_applications"."experience_years" between 0 and 70)
);
--> statement-breakpoint
CREATE TABLE "certification_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"number_prefix" text NOT NULL,
	"validity_years" smallint NOT NULL,
	"renewal_cpd_credits" numeric(6, 1) DEFAULT 0 NOT NULL,
	"fee_amount" numeric(14, 2),
	"fee_currency" text,
	"certificate_locales" text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_schemes_status" CHECK ("certification_schemes"."status" in ('draft','open','closed')),
	CONSTRAINT "certification_schemes_validity" CHECK ("certification_schemes"."validity_years" between 1 and 20),
	CONSTRAINT "certification_schemes_prefix_form" CHECK ("certification_schemes"."number_prefix" ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'),
	CONSTRAINT "certification_schemes_fee" CHECK (("certification_schemes"."fee_amount" is null and "certification_schemes"."fee_currency" is null) or ("certification_schemes"."fee_amount" > 0 and "certification_schemes"."fee_currency" ~ '^[A-Z]{3}$')),
	CONSTRAINT "certification_schemes_renewal" CHECK ("certification_schemes"."renewal_cpd_credits" >= 0)
);
--> statement-breakpoint
CREATE TABLE "exam_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"exam_name" text NOT NULL,
	"score" numeric(6, 2) NOT NULL,
	"passed" boolean NOT NULL,
	"taken_on" date NOT NULL,
	"assessor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheme_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" jsonb NOT NULL,
	"requirements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_checks" ADD CONSTRAINT "application_checks_application_id_certification_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."certification_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_checks" ADD CONSTRAINT "application_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_certification_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."certification_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_certification_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."certification_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_scheme_id_certification_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."certification_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_level_id_scheme_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."scheme_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_application_id_certification_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."certification_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_replaces_id_certificates_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revocation_list_id_status_lists_id_fk" FOREIGN KEY ("revocation_list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_suspension_list_id_status_lists_id_fk" FOREIGN KEY ("suspension_list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_applications" ADD CONSTRAINT "certification_applications_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_applications" ADD CONSTRAINT "certification_applications_scheme_id_certification_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."certification_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_applications" ADD CONSTRAINT "certification_applications_level_id_scheme_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."scheme_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_applications" ADD CONSTRAINT "certification_applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_applications" ADD CONSTRAINT "certification_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_applications" ADD CONSTRAINT "certification_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_schemes" ADD CONSTRAINT "certification_schemes_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_scheme_id_certification_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."certification_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_level_id_scheme_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."scheme_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_results" ADD CONSTRAINT "exam_results_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_levels" ADD CONSTRAINT "scheme_levels_scheme_id_certification_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."certification_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_documents_application" ON "application_documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_events_application" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "certificate_events_certificate" ON "certificate_events" USING btree ("certificate_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_sequence" ON "certificates" USING btree ("scheme_id","year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_code" ON "certificates" USING btree ("verification_code");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_application" ON "certificates" USING btree ("application_id") WHERE "certificates"."application_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_replaces" ON "certificates" USING btree ("replaces_id") WHERE "certificates"."replaces_id" is not null;--> statement-breakpoint
CREATE INDEX "certificates_association_status" ON "certificates" USING btree ("association_id","status");--> statement-breakpoint
CREATE INDEX "certificates_person" ON "certificates" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_applications_open" ON "certification_applications" USING btree ("person_id","level_id") WHERE "certification_applications"."status" not in ('approved','rejected');--> statement-breakpoint
CREATE INDEX "certification_applications_queue" ON "certification_applications" USING btree ("association_id","status");--> statement-breakpoint
CREATE INDEX "certification_applications_user" ON "certification_applications" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_schemes_prefix" ON "certification_schemes" USING btree ("number_prefix");--> statement-breakpoint
CREATE INDEX "certification_schemes_association" ON "certification_schemes" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "exam_results_person" ON "exam_results" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "exam_results_scheme" ON "exam_results" USING btree ("scheme_id");--> statement-breakpoint
CREATE INDEX "scheme_levels_scheme" ON "scheme_levels" USING btree ("scheme_id","position");