-- 0001: the certificate register (package certificate), its number series and the outbox.
-- Applied by Migrate with search_path set to the host's schema: names are unqualified.

CREATE TABLE certificate (
    number                text COLLATE "C" PRIMARY KEY CHECK (number <> ''),
    kind                  smallint NOT NULL CHECK (kind BETWEEN 1 AND 8),
    holder_name           text NOT NULL,
    holder_code           text CHECK (holder_code ~ '^[1-8][0-9]{10}$'),
    holder_birth          date,
    title                 text NOT NULL DEFAULT '',
    standard              text NOT NULL DEFAULT '',
    ekr                   smallint CHECK (ekr BETWEEN 1 AND 8),
    eqf                   smallint CHECK (eqf BETWEEN 1 AND 8),
    specialisation        text NOT NULL DEFAULT '',
    competences           text[] NOT NULL DEFAULT '{}',
    exam_language         text NOT NULL DEFAULT '',
    issuer                text NOT NULL,
    issuer_code           text NOT NULL,
    issued_on             date NOT NULL,
    valid_from            date NOT NULL,
    valid_until           date CHECK (valid_until IS NULL OR valid_until >= valid_from),
    hidden                boolean NOT NULL DEFAULT false,
    invalidated_on        date,
    invalidation_reason   text NOT NULL DEFAULT '',
    invalidation_decision text NOT NULL DEFAULT '',
    invalidated_by        text NOT NULL DEFAULT '',
    replaced_by           text COLLATE "C",
    replaced_on           date,
    duplicate_of          text COLLATE "C",
    extra                 jsonb,
    issued_at             timestamptz NOT NULL,
    version               bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
    idempotency_key       text UNIQUE,
    fingerprint           text NOT NULL DEFAULT '',
    -- lower-cased name, title, standard and number, for the public text search; written by the
    -- store so that matching does not depend on the database's locale.
    search                text NOT NULL DEFAULT '',
    CHECK (holder_code IS NOT NULL OR holder_birth IS NOT NULL)
);

CREATE INDEX certificate_holder_code ON certificate (holder_code);
CREATE INDEX certificate_issuer_code ON certificate (issuer_code);

-- One row per number series: the last counter value handed out. Allocation updates the row in the
-- statement that inserts the certificate, so the row lock serialises issuers of one series and a
-- rolled-back issue rolls the counter back with it: no number twice, no gap.
CREATE TABLE number_series (
    key  text PRIMARY KEY,
    last bigint NOT NULL CHECK (last >= 0)
);

-- The outbox: events written in the same statement as the change that raised them.
CREATE TABLE outbox (
    id        bigserial PRIMARY KEY,
    kind      text NOT NULL,
    subject   text NOT NULL,
    recipient text NOT NULL DEFAULT '',
    at        timestamptz NOT NULL,
    data      jsonb,
    sent_at   timestamptz
);

CREATE INDEX outbox_recipient ON outbox (recipient, id);
CREATE INDEX outbox_subject ON outbox (subject, id);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
