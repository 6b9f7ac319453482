-- 0006: the retention of a holder's personal data (CERT-12: personal data of an awarded qualification
-- are kept until three years after the holder's death, Kutseregistri põhimäärus § 18).
--   holder_died          the day the holder died, as the registrar recorded it
--   personal_data_until  the last day the personal data may be kept: written by the store from the
--                        rule (certificate.Certificate.PersonalDataUntil), NULL when none is set
--   personal_data_erased the day the personal data were erased; the record itself stays

ALTER TABLE certificate
    ADD COLUMN holder_died date,
    ADD COLUMN personal_data_until date,
    ADD COLUMN personal_data_erased date;

-- An erased record has neither a personal code nor a birth date: replace the check of 0001 (whose
-- generated name depends on the order of the table's checks, so it is found by its definition).
DO $$
DECLARE
    c name;
BEGIN
    FOR c IN
        SELECT con.conname FROM pg_constraint con
        WHERE con.conrelid = 'certificate'::regclass AND con.contype = 'c'
            AND pg_get_constraintdef(con.oid) LIKE '%holder_code IS NOT NULL%holder_birth IS NOT NULL%'
    LOOP
        EXECUTE format('ALTER TABLE certificate DROP CONSTRAINT %I', c);
    END LOOP;
END $$;

ALTER TABLE certificate ADD CONSTRAINT certificate_holder_identified
    CHECK (holder_code IS NOT NULL OR holder_birth IS NOT NULL OR personal_data_erased IS NOT NULL);
ALTER TABLE certificate ADD CONSTRAINT certificate_erased_has_no_personal_data
    CHECK (personal_data_erased IS NULL OR (holder_name = '' AND holder_code IS NULL AND holder_birth IS NULL
        AND holder_died IS NULL AND personal_data_until IS NULL));

-- PersonalDataDue: only records with a retention end are indexed (the holders who have died and whose
-- data are not erased yet), in number order for its keyset paging.
CREATE INDEX certificate_personal_data_due ON certificate (number, personal_data_until)
    WHERE personal_data_until IS NOT NULL;
