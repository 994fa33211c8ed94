CREATE TABLE "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"detail" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"platform" text NOT NULL,
	"workspace_id" text NOT NULL,
	"platform_channel_id" text NOT NULL,
	"space" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"verdict" text NOT NULL,
	"outcomes" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "effects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"message_id" uuid,
	"escalation_id" uuid,
	"platform" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"priority" integer DEFAULT 5 NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"platform_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"message_id" uuid,
	"priority" text NOT NULL,
	"specialty" text,
	"reasons" text[] DEFAULT '{}' NOT NULL,
	"finding_codes" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"resolved_by" text,
	"resolution" text,
	"card_platform" text,
	"card_channel_id" text,
	"card_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"policy" text NOT NULL,
	"code" text NOT NULL,
	"severity" text NOT NULL,
	"span_start" integer,
	"span_end" integer,
	"confidence" real,
	"shadow" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"platform" text NOT NULL,
	"workspace_id" text NOT NULL,
	"platform_user_id" text NOT NULL,
	"roles" text[] DEFAULT '{}' NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"platform" text NOT NULL,
	"workspace_id" text NOT NULL,
	"platform_channel_id" text NOT NULL,
	"platform_message_id" text NOT NULL,
	"thread_id" text,
	"author_id" text NOT NULL,
	"author_roles" text[] DEFAULT '{}' NOT NULL,
	"space" text NOT NULL,
	"locale" text,
	"content_mac" text NOT NULL,
	"edit_of" uuid,
	"text_length" integer NOT NULL,
	"text_cipher" "bytea",
	"redacted_cipher" "bytea",
	"status" text DEFAULT 'received' NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_community_at" ON "audit_log" USING btree ("community_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_platform_ref" ON "channels" USING btree ("platform","workspace_id","platform_channel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_message_tier" ON "decisions" USING btree ("message_id","tier");--> statement-breakpoint
CREATE INDEX "effects_state_created" ON "effects" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "effects_message" ON "effects" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "escalations_status" ON "escalations" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "escalations_message" ON "escalations" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "findings_message" ON "findings" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "findings_policy_code" ON "findings" USING btree ("policy","code");--> statement-breakpoint
CREATE UNIQUE INDEX "members_platform_ref" ON "members" USING btree ("platform","workspace_id","platform_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_platform_version" ON "messages" USING btree ("platform","workspace_id","platform_channel_id","platform_message_id","content_mac");--> statement-breakpoint
CREATE INDEX "messages_status_received" ON "messages" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "messages_author" ON "messages" USING btree ("platform","workspace_id","author_id");