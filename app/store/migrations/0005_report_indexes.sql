-- Schema 5: the quota report reads narrow covering indexes instead of the wide case and
-- person rows; at 100,000 cases those rows no longer fit the page cache and every page
-- read is a decryption (5.5 s -> about 2 s: tests/bench/bench_process.py). The two indexes
-- dropped are prefixes of the new ones.
CREATE INDEX cases_quota ON cases(quota_category, id, channel, host_country, referred_on,
                                  selected_on, follows_case_id);
CREATE INDEX persons_case_nationality ON persons(case_id, nationality, follows_later);
CREATE INDEX persons_nationality ON persons(id, nationality);
DROP INDEX persons_case_id;
CREATE INDEX case_transitions_case_state ON case_transitions(case_id, to_state, at);
DROP INDEX case_transitions_case_id;
