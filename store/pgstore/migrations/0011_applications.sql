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

-- Applications for a qualification or re-certification. The columns a query selects by, orders by
-- or a rule constrains are columns; the rest of the record (the applicant's contacts, the choice,
-- conditions, attachments, completion, admission, decision, contest) is one jsonb document written
-- and read whole. The application form's PDF (APP-06) is kept in the row.
CREATE TABLE application (
    id             bigserial PRIMARY KEY,
    kind           smallint NOT NULL CHECK (kind BETWEEN 1 AND 2),
    state          smallint NOT NULL CHECK (state BETWEEN 1 AND 9),
    applicant_code text NOT NULL CHECK (applicant_code ~ '^[1-8][0-9]{10}$'),
    body           text NOT NULL CHECK (body <> ''),
    receiver       text NOT NULL CHECK (receiver <> ''),
    standard       bigint NOT NULL CHECK (standard > 0),
    certificate    text COLLATE "C",
    -- the certificate an award issued: one application, one certificate (APP-08)
    awarded        text COLLATE "C" UNIQUE REFERENCES certificate (number),
    created_at     timestamptz NOT NULL,
    submitted_at   timestamptz,
    submitted_on   date,
    record         jsonb NOT NULL,
    form           bytea,
    version        bigint NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE INDEX application_applicant ON application (applicant_code, id);
CREATE INDEX application_body ON application (body, id) WHERE state <> 1;
CREATE INDEX application_receiver ON application (receiver, id) WHERE state <> 1;

-- An awarding body's settings for receiving applications (APP-03, APP-04), read and written whole.
CREATE TABLE application_settings (
    body       text PRIMARY KEY CHECK (body ~ '^[0-9]{8}$'),
    settings   jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint NOT NULL DEFAULT 1 CHECK (version >= 1)
);
