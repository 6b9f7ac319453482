-- 0008: the register's reference data (package classifier/register) and the index of the search of
-- qualifications open for application (APP-01). Applied with search_path set to the host's schema.
--
-- pg_trgm is a database-wide extension: it is created in schema public when no schema holds it yet
-- (never in the host's schema, whose DROP would take it away from every other schema), and the
-- keyword index names its operator class in whichever schema holds it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- A standard with its versions, as register.Standard in JSON; revision is its optimistic-concurrency
-- counter.
CREATE TABLE reg_standard (
    id       bigint PRIMARY KEY CHECK (id > 0),
    data     jsonb NOT NULL,
    revision bigint NOT NULL CHECK (revision >= 1)
);

-- Every version id, to find a standard by any of them.
CREATE TABLE reg_standard_version (
    id          bigint PRIMARY KEY,
    standard_id bigint NOT NULL REFERENCES reg_standard (id) ON DELETE CASCADE
);
CREATE INDEX reg_standard_version_standard ON reg_standard_version (standard_id);

-- An awarding body, as register.AwardingBody in JSON.
CREATE TABLE reg_body (
    code     text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{8}$'),
    data     jsonb NOT NULL,
    revision bigint NOT NULL CHECK (revision >= 1)
);

-- The standards (by any version's id) each body awards.
CREATE TABLE reg_award (
    standard_ref bigint NOT NULL,
    body_code    text COLLATE "C" NOT NULL REFERENCES reg_body (code) ON DELETE CASCADE,
    PRIMARY KEY (standard_ref, body_code)
);
CREATE INDEX reg_award_body ON reg_award (body_code);

-- The search index: one row per version of a standard as one body awards it (register.Entry). The
-- keys are computed by the store in Go (collation keys, folded texts), so that every store matches
-- and orders alike whatever the database's locale.
CREATE TABLE qualification (
    standard_id bigint NOT NULL,
    version_id  bigint NOT NULL,
    body_code   text COLLATE "C" NOT NULL,
    open_from   date,
    open_until  date,
    name_key    bytea NOT NULL,
    body_key    bytea NOT NULL,
    search      text NOT NULL,
    grp         text NOT NULL,
    field       text NOT NULL,
    occupation  text NOT NULL,
    specs       text[] NOT NULL,
    partials    text[] NOT NULL,
    entry       jsonb NOT NULL,
    PRIMARY KEY (standard_id, body_code, version_id)
);
CREATE INDEX qualification_order ON qualification (name_key, body_key, standard_id, body_code, version_id);
CREATE INDEX qualification_body ON qualification (body_code);

DO $$
DECLARE
    trgm text;
BEGIN
    SELECT n.nspname INTO trgm
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX qualification_search ON qualification USING gin (search %I.gin_trgm_ops)', trgm);
END
$$;
