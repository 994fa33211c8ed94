-- Rows written before asynchronous chaining keep their hashes; their chain position is their insertion order.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
UPDATE audit_log SET chain_pos = ordered.pos
FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS pos FROM audit_log) AS ordered
WHERE audit_log.seq = ordered.seq;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
-- The audit log stays append-only. The one update allowed is the chainer's: filling in chain_pos, prev_hash and hash
-- (all three) on a row that has none of them yet, changing nothing else. Deletes and every other update are refused.
CREATE OR REPLACE FUNCTION ward_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND OLD.chain_pos IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL
    AND NEW.chain_pos IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
    AND to_jsonb(NEW) - ARRAY['chain_pos', 'prev_hash', 'hash'] = to_jsonb(OLD) - ARRAY['chain_pos', 'prev_hash', 'hash']
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
