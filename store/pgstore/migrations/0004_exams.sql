-- 0004: Estonian language proficiency exams (package exam/proficiency): sessions and registrations.
-- Legal dates are date, instants timestamptz, points numeric. The state-exam certificates (package
-- exam/stateexam) are certificates of kind state-exam in the certificate table (0001), their
-- content in its extra column: they need no table of their own.

CREATE TABLE proficiency_session (
    id           text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
    organiser    text NOT NULL,
    level        smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
    exam_date    date NOT NULL,
    start_time   text NOT NULL DEFAULT '',
    centres      text[] NOT NULL DEFAULT '{}',
    -- the maximum points of the four parts: listening, reading, writing, speaking (LNG-02)
    max_points   numeric[] NOT NULL CHECK (cardinality(max_points) = 4),
    work_related boolean NOT NULL DEFAULT false,
    examiners    jsonb,
    version      bigint NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE INDEX proficiency_session_date ON proficiency_session (exam_date);

CREATE TABLE proficiency_registration (
    id              bigserial PRIMARY KEY,
    idempotency_key text UNIQUE CHECK (idempotency_key <> ''),
    -- the personal code, or "b:" with the birth date and the name (proficiency.Person.Key)
    person_key      text NOT NULL CHECK (person_key <> ''),
    session_id      text COLLATE "C" NOT NULL REFERENCES proficiency_session (id),
    exam_date       date NOT NULL,
    status          smallint NOT NULL CHECK (status BETWEEN 1 AND 4),
    registered_on   date NOT NULL,
    registered_at   timestamptz NOT NULL,
    cancelled_on    date,
    notice_sent_on  date,
    graded_on       date,
    -- the result: points of the four parts, the total counted and the maximum (LNG-16)
    points          numeric[] CHECK (points IS NULL OR cardinality(points) = 4),
    total           numeric,
    maximum         numeric,
    passed          boolean,
    certificate     text COLLATE "C",
    -- the rest of the record: the person, channel, documents, special needs, absence, conduct
    data            jsonb NOT NULL,
    version         bigint NOT NULL DEFAULT 1 CHECK (version >= 1)
);

-- LNG-07: a person is registered for one exam at a time. Two concurrent registrations of one person
-- cannot both commit: the second waits for the first and then fails with a unique violation.
CREATE UNIQUE INDEX proficiency_registration_one_active ON proficiency_registration (person_key) WHERE status = 1;
CREATE INDEX proficiency_registration_person ON proficiency_registration (person_key, id);
CREATE INDEX proficiency_registration_session ON proficiency_registration (session_id, id);
