-- 0010: the outbox's delivery state (package notify's dispatcher): failed attempts, the time of the
-- next one, the last error, the dead letter, and the lease of a dispatcher that claimed the event.
-- Every time is the host's clock, written by the store as given.

ALTER TABLE outbox
    ADD COLUMN attempts     integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    ADD COLUMN next_attempt timestamptz,
    ADD COLUMN last_error   text NOT NULL DEFAULT '',
    ADD COLUMN dead         boolean NOT NULL DEFAULT false,
    ADD COLUMN lease_until  timestamptz;

-- The events a dispatcher may claim, oldest first: neither sent nor dead-lettered. The due time and
-- the lease are checked on these rows, which are few when delivery keeps up.
CREATE INDEX outbox_deliverable ON outbox (id) WHERE sent_at IS NULL AND NOT dead;

-- The dead letters a host lists and requeues.
CREATE INDEX outbox_dead ON outbox (id) WHERE dead AND sent_at IS NULL;
