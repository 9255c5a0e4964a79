-- unique: period_type, period, dimension, dimension_value
-- not null: period_type, period, dimension
-- accepted: (dimension = 'all') = (dimension_value is null)
-- accepted: dimension in ('all', 'segment', 'region', 'csm')
-- accepted: grr is null or abs(grr + revenue_churn_rate - 1) < 1e-9
-- accepted: logo_churn_rate is null or abs(logo_churn_rate + logo_retention_rate - 1) < 1e-9
-- accepted: (resolved = 0) = (grr is null)
-- assert: each dimension's slices add up to the whole book
select w.period_type, w.period, d.dimension
from revenue_cohort_rates as w
join (
    select period_type, period, dimension, sum(events) as events, sum(ending) as ending
    from revenue_cohort_rates where dimension <> 'all' group by all
) as d using (period_type, period)
where w.dimension = 'all' and (w.events <> d.events or abs(w.ending - d.ending) > 0.005)
