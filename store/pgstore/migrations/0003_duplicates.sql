-- 0003: duplicate, re-issue and exchange cases (package duplicate: SCH-12..24, CERT-07).
-- Legal dates are date, instants timestamptz, money numeric; the route (its steps) is jsonb.

CREATE TABLE duplicate_case (
    id                bigserial PRIMARY KEY,
    procedure         smallint NOT NULL CHECK (procedure BETWEEN 1 AND 5),
    status            smallint NOT NULL CHECK (status BETWEEN 1 AND 6),
    -- the request
    applicant_name    text NOT NULL,
    applicant_code    text CHECK (applicant_code ~ '^[1-8][0-9]{10}$'),
    applicant_birth   date,
    contact           text NOT NULL DEFAULT '',
    kind              smallint NOT NULL CHECK (kind BETWEEN 1 AND 8),
    paper             boolean NOT NULL DEFAULT false,
    original          text COLLATE "C",
    issuer_code       text NOT NULL DEFAULT '',
    issuer_name       text NOT NULL DEFAULT '',
    level             smallint NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 2),
    year              integer NOT NULL DEFAULT 0,
    ground            smallint NOT NULL CHECK (ground BETWEEN 0 AND 8),
    attached          smallint[] NOT NULL DEFAULT '{}',
    by_issuer         boolean NOT NULL DEFAULT false,
    new_name          text NOT NULL DEFAULT '',
    new_code          text CHECK (new_code ~ '^[1-8][0-9]{10}$'),
    request_date      date NOT NULL,
    note              text NOT NULL DEFAULT '',
    -- the route: its steps as jsonb, the codes of every organisation on it for listing
    route             jsonb NOT NULL,
    parties           text[] NOT NULL DEFAULT '{}',
    -- the steps taken
    submitted_at      timestamptz NOT NULL,
    received_on       date,
    confirmation_from text NOT NULL DEFAULT '',
    confirmation_ref  text NOT NULL DEFAULT '',
    confirmation_on   date,
    decided_on        date,
    decision          text NOT NULL DEFAULT '',
    refusal           smallint NOT NULL DEFAULT 0 CHECK (refusal BETWEEN 0 AND 4),
    refusal_reason    text NOT NULL DEFAULT '',
    notified_on       date,
    payer             smallint NOT NULL DEFAULT 0 CHECK (payer BETWEEN 0 AND 2),
    fee               numeric NOT NULL DEFAULT 0 CHECK (fee >= 0),
    amount            numeric NOT NULL DEFAULT 0 CHECK (amount >= 0),
    duplicate         text COLLATE "C" UNIQUE,
    handed_over_on    date,
    handed_over_to    text NOT NULL DEFAULT '',
    handed_authorised boolean NOT NULL DEFAULT false,
    handed_by_post    boolean NOT NULL DEFAULT false,
    register_entry    text NOT NULL DEFAULT '',
    graduation        jsonb,
    version           bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK (applicant_code IS NOT NULL OR applicant_birth IS NOT NULL)
);

CREATE INDEX duplicate_case_applicant ON duplicate_case (applicant_code, id);
CREATE INDEX duplicate_case_new_code ON duplicate_case (new_code, id) WHERE new_code IS NOT NULL;
CREATE INDEX duplicate_case_parties ON duplicate_case USING gin (parties);
CREATE INDEX duplicate_case_open ON duplicate_case (id) WHERE status IN (1, 2, 3);
