-- 0002: the owner's requests about a certificate (package application, CERT-10).

CREATE TABLE owner_request (
    number      bigserial PRIMARY KEY,
    kind        smallint NOT NULL CHECK (kind BETWEEN 1 AND 4),
    certificate text COLLATE "C" NOT NULL,
    holder_code text NOT NULL CHECK (holder_code ~ '^[1-8][0-9]{10}$'),
    date        date NOT NULL,
    at          timestamptz NOT NULL,
    status      smallint NOT NULL CHECK (status BETWEEN 1 AND 3),
    reason      text NOT NULL DEFAULT '',
    token       text UNIQUE CHECK (token <> ''),
    data        jsonb
);

CREATE INDEX owner_request_holder ON owner_request (holder_code, number DESC);
