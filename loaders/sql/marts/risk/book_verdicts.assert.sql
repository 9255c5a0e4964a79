-- unique: quarter_start, dimension, dimension_value
-- not null: quarter_start, dimension, closed, active_accounts, red_accounts, resolved, churned, churned_red
-- accepted: dimension in ('all', 'segment', 'region', 'csm')
-- accepted: red_accounts <= active_accounts and churned <= resolved and churned_red <= churned
-- accepted: verdict is null or verdict in ('no health scores', 'red under-calls churn', 'red is big enough but misses most churn', 'red covers churn')
-- accepted: closed or verdict is null  -- an open quarter gets no verdict
-- accepted: verdict is distinct from 'no health scores' or red_share is null  -- never a 0% red share for no scores
-- accepted: flagged_churn is null or abs(flagged_churn + missed_churn - 1) < 1e-9
-- assert: the whole book's counts are the sum of each dimension's slices
select w.quarter_start, d.dimension
from book_verdicts as w
join (select quarter_start, dimension, sum(active_accounts) as active, sum(churned) as churned
      from book_verdicts where dimension <> 'all' group by all) as d using (quarter_start)
where w.dimension = 'all' and (w.active_accounts <> d.active or w.churned <> d.churned)
