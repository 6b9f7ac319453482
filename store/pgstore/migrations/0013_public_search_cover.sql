-- 0013: the public search's text queries walk an index, not the table (issue 10). Applied with
-- search_path set to the host's schema.
--
-- A text that many public records carry (a title word of 2 % of rows, say) is answered best by
-- walking the public records in number order until a page of matches is found; with 0007's index
-- of numbers only, each record walked was fetched from the table to test its texts and validity
-- (5,000 table reads for a page of 100 at 10^6 rows). The index is recreated covering what the
-- text condition reads (INCLUDE), so the walk is an index-only scan, and a second one orders an
-- issuer's public records by number for an issuer's page. The store's statement finds the page's
-- numbers on the index first and then reads only those rows (WHERE number IN (...)).
--
-- An index-only scan skips the table only for pages the visibility map marks all-visible: autovacuum
-- keeps it so on a running register; after a bulk load run VACUUM on the table.

DROP INDEX certificate_public_number;

CREATE INDEX certificate_public_number ON certificate (number)
    INCLUDE (kind, search_entry, search_name, valid_from, valid_until, invalidated_on, replaced_by, replaced_on)
    WHERE NOT hidden AND kind IN (1, 2, 3);

CREATE INDEX certificate_public_issuer ON certificate (issuer_code, number)
    INCLUDE (kind, search_entry, search_name, valid_from, valid_until, invalidated_on, replaced_by, replaced_on)
    WHERE NOT hidden AND kind IN (1, 2, 3);
