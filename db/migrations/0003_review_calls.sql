CREATE TABLE "review_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"message_id" uuid,
	"trigger" text NOT NULL,
	"endpoint" text NOT NULL,
	"model" text NOT NULL,
	"outcome" text NOT NULL,
	"error_code" text,
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"total_tokens" integer DEFAULT 0 NOT NULL,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"opinion_codes" text[] DEFAULT '{}' NOT NULL,
	"confidence" real,
	"applied" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "review_calls_community_created" ON "review_calls" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE INDEX "review_calls_message" ON "review_calls" USING btree ("message_id");