"""The committed search evaluation (issue 12): queries.yaml holds queries in ru, kk and en with
the exact projects each must return on the seeds plus the synthetic records of records.py;
cases.py reads and scores them; `manage.py evaluate_search` runs them."""
