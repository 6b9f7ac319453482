-- 0012: vocational qualification exams (package exam/vocational): a school's exam from its
-- registration to the signed committee protocol. Applied with search_path set to the host's schema.
--
-- The exam is kept whole as vocational.Exam in JSON (data); the columns beside it are what the store
-- selects and checks by: the school, the awarding body and the curriculum (which never change), the
-- status, and the first and last day of its sittings (vocational.Exam.Period), which the calendar's
-- query by period (EXV-02) uses. The certificates issued at signing are rows of certificate (0001),
-- written in the same transaction, with the idempotency keys "vocational/<exam>/<candidate>".
CREATE TABLE vocational_exam (
    id         bigserial PRIMARY KEY,
    school     text NOT NULL CHECK (school <> ''),
    body       text NOT NULL CHECK (body <> ''),
    curriculum text NOT NULL,
    status     smallint NOT NULL CHECK (status BETWEEN 1 AND 8),
    first_day  date,
    last_day   date CHECK (last_day >= first_day),
    data       jsonb NOT NULL,
    version    bigint NOT NULL DEFAULT 1 CHECK (version >= 1)
);

-- A school's and an awarding body's exams, and the calendar's period.
CREATE INDEX vocational_exam_school ON vocational_exam (school, first_day);
CREATE INDEX vocational_exam_body ON vocational_exam (body, first_day);
CREATE INDEX vocational_exam_period ON vocational_exam (first_day, last_day) WHERE first_day IS NOT NULL;
