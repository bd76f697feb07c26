-- Schema 4: the case list finds each case's principal applicant through an index.
CREATE INDEX persons_case_relationship ON persons(case_id, relationship);
