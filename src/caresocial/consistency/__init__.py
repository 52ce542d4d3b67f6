"""Records to findings: the consistency checker, inline suppressions and baselines."""
