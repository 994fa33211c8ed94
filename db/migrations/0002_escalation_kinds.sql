ALTER TABLE "escalations" ADD COLUMN "kind" text DEFAULT 'policy' NOT NULL;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "author_id" text;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "excluded_actor" text;--> statement-breakpoint
CREATE INDEX "escalations_author" ON "escalations" USING btree ("community_id","author_id","created_at");