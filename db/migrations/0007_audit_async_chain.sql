ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_pos" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_pos" ON "audit_log" USING btree ("chain_pos");--> statement-breakpoint
CREATE INDEX "audit_unchained" ON "audit_log" USING btree ("seq") WHERE "audit_log"."hash" is null;