-- 0011: the question to the awarding body (package certificate/request, CERT-08) and applying for a
-- qualification or re-certification (package application, APP-03..09).

-- The owner's requests get an addressee (the awarding body a question goes to), the owner's text,
-- the answer, and a version for optimistic concurrency.
ALTER TABLE owner_request
    ADD COLUMN addressee   text CHECK (addressee <> ''),
    ADD COLUMN text        text NOT NULL DEFAULT '',
    ADD COLUMN answer      text NOT NULL DEFAULT '',
    ADD COLUMN answered_at timestamptz,
    ADD COLUMN version     bigint NOT NULL DEFAULT 1 CHECK (version >= 1);

CREATE INDEX owner_request_addressee ON owner_request (addressee, number) WHERE addressee IS NOT NULL;
