CREATE TABLE "bridge_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"community_id" text NOT NULL,
	"target_key" text NOT NULL,
	"key_hash" text NOT NULL,
	"url_hash" text,
	"content_hash" text,
	"body_hash" text NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"text_cipher" "bytea",
	"message_id" uuid,
	"published_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone NOT NULL,
	"ingested_at" timestamp with time zone,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bridge_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"instance" text,
	"target_platform" text NOT NULL,
	"target_workspace_id" text NOT NULL,
	"target_channel_id" text NOT NULL,
	"settings" jsonb NOT NULL,
	"state" text DEFAULT 'learning' NOT NULL,
	"origin" text NOT NULL,
	"created_by" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"paused_reason" text,
	"next_poll_after" timestamp with time zone,
	"etag" text,
	"last_modified" text,
	"last_polled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bridge_items" ADD CONSTRAINT "bridge_items_subscription_id_bridge_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."bridge_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bridge_items_subscription_key" ON "bridge_items" USING btree ("subscription_id","key_hash");--> statement-breakpoint
CREATE INDEX "bridge_items_target_url" ON "bridge_items" USING btree ("community_id","target_key","url_hash");--> statement-breakpoint
CREATE INDEX "bridge_items_target_content" ON "bridge_items" USING btree ("community_id","target_key","content_hash");--> statement-breakpoint
CREATE INDEX "bridge_items_target_ingested" ON "bridge_items" USING btree ("target_key","ingested_at");--> statement-breakpoint
CREATE INDEX "bridge_items_message" ON "bridge_items" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "bridge_subscriptions_community_state" ON "bridge_subscriptions" USING btree ("community_id","state");