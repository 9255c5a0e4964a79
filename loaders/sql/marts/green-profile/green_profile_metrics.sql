-- green_profile_metrics: the continuous measures behind the traits, one row each: `metric` names a column
-- of green_profile_events; the page cuts renewals into cohorts by it (metric cohorts). `unit` tells the page
-- how to format values: share (0–1), ratio, count, days or score.
with settings as (
    select
        getvariable('single_thread_days')::varchar as thread_days
),

metrics as (
    select m.*
    from settings as s,
    lateral (values
        (1, 'license_utilization', 'License utilization', 'share', 'distinct active users in the 90 days ÷ licenses'),
        (2, 'feature_breadth', 'Feature breadth', 'share', 'distinct features used in the 90 days ÷ features seen'),
        (3, 'usage_trend', 'Usage trend', 'ratio', 'usage events in the 90 days ÷ those in the 90 days before; none before: no value'),
        (4, 'contacts_touched', 'Contacts touched', 'count', 'distinct contacts touched in the ' || s.thread_days || ' days'),
        (5, 'days_since_touch', 'Days since the last touch', 'days', 'lookback date − latest touch on or before it; never touched: no value'),
        (6, 'days_since_review', 'Days since the last business review', 'days', 'lookback date − latest business review on or before it; none: no value'),
        (7, 'high_tickets', 'High or urgent tickets', 'count', 'tickets of severity high or urgent opened in the 90 days'),
        (8, 'nps_score', 'Latest NPS answer', 'score', 'the latest NPS response in the 365 days; none: no value'),
        (9, 'days_to_first_value', 'Days to first value', 'days', 'first_value milestone − customer_since, if reached by the lookback date')
    ) as m(position, metric, label, unit, measured)
),

final as (
    select * from metrics
)

select * from final
