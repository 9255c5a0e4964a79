-- unique: period_type, period, segment, region, csm
-- not null: period_type, period, segment, region, csm
-- accepted: period_type in ('year', 'quarter')
-- accepted: abs(retained + upsell + cross_sell - ending) < 0.005
-- accepted: abs(resolved - retained - full_loss - partial_loss) < 0.005
-- accepted: resolved_events + unresolved_events = events and churned_events <= resolved_events
-- assert: the yearly and the quarterly cohorts hold the same events and value
select * from (
    select period_type, sum(events) as events, sum(starting) as starting from revenue_cohort_facts group by 1
) pivot (sum(events) as events, sum(starting) as starting for period_type in ('year', 'quarter'))
where year_events <> quarter_events or year_starting <> quarter_starting
