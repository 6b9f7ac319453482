-- 0005: the day the owner was told that a certificate's validity ends soon (CERT-09).

ALTER TABLE certificate ADD COLUMN expiry_notice date;

CREATE INDEX certificate_expiring ON certificate (valid_until, number)
    WHERE expiry_notice IS NULL AND invalidated_on IS NULL AND replaced_by IS NULL AND valid_until IS NOT NULL;
