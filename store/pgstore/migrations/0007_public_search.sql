-- 0007: indexes for the public search (CERT-04, CERT-12; issue 10): before it, the text search read
-- every row (strpos over the search column).
--
-- The search column of 0001 is split in two: search_entry (title, standard, number: matched on any
-- public certificate) and search_name (the holder's name: matched only while the certificate is valid
-- on the query's date, CERT-12). Both are lower-cased by the store in Go.
--
-- pg_trgm's GIN operator class indexes LIKE '%text%'. pg_trgm ships with PostgreSQL (Debian's
-- postgresql-15 has it) and is a trusted extension since PostgreSQL 13: a role with CREATE on the
-- database may install it. It is installed into schema public when the database does not have it
-- yet; where a host has it in another schema that one is used. CREATE EXTENSION is database-wide,
-- so migrations of two schemas first take one lock, lest both try to install it at once.

SELECT pg_advisory_xact_lock(7007000001);

CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

ALTER TABLE certificate
    ADD COLUMN search_name text NOT NULL DEFAULT '',
    ADD COLUMN search_entry text NOT NULL DEFAULT '';

-- search was name, title, standard and number separated by U+001F.
UPDATE certificate SET
    search_name = split_part(search, E'\x1f', 1),
    search_entry = substr(search, length(split_part(search, E'\x1f', 1)) + 2)
WHERE search <> '';

ALTER TABLE certificate DROP COLUMN search;

-- The indexes hold only what the public may find: not hidden, of a public kind (occupational,
-- partial, a qualification on a school document: certificate.Kind.Public). The store's public
-- statements repeat the predicate word for word, so the planner can use them.
CREATE INDEX certificate_public_number ON certificate (number)
    WHERE NOT hidden AND kind IN (1, 2, 3);

DO $$
DECLARE
    ext name;
BEGIN
    SELECT n.nspname INTO ext FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX certificate_search_entry ON certificate USING gin (search_entry %I.gin_trgm_ops)
        WHERE NOT hidden AND kind IN (1, 2, 3)', ext);
    EXECUTE format('CREATE INDEX certificate_search_name ON certificate USING gin (search_name %I.gin_trgm_ops)
        WHERE NOT hidden AND kind IN (1, 2, 3)', ext);
END $$;
