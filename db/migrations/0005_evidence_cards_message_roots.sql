CREATE TABLE "evidence_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"thread_key" text NOT NULL,
	"concept" text NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"cards" integer NOT NULL,
	"last_message_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_roots" (
	"platform" text NOT NULL,
	"workspace_id" text NOT NULL,
	"platform_channel_id" text NOT NULL,
	"platform_message_id" text NOT NULL,
	"root_id" uuid NOT NULL,
	"root_sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_roots_ref" PRIMARY KEY("platform","workspace_id","platform_channel_id","platform_message_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_cards_thread_concept" ON "evidence_cards" USING btree ("community_id","thread_key","concept");