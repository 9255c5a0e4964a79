-- unique: cohort, dimension, dimension_value
-- not null: cohort, dimension, events, red_events, churned, churned_red, logo_churn_rate
-- accepted: dimension in ('all', 'segment', 'region', 'csm')
-- accepted: red_events <= events and churned <= events and churned_red <= least(churned, red_events)
-- accepted: verdict in ('no health scores', 'red under-calls churn', 'red is big enough but misses most churn', 'red covers churn')
-- accepted: verdict <> 'no health scores' or red_share is null  -- never a 0% red share for no scores
-- accepted: verdict <> 'red under-calls churn' or red_share < logo_churn_rate
-- assert: the whole book's events are the sum of each dimension's slices, in every cohort
select w.cohort, d.dimension
from renewal_verdicts as w
join (select cohort, dimension, sum(events) as events from renewal_verdicts where dimension <> 'all' group by all) as d using (cohort)
where w.dimension = 'all' and w.events <> d.events
