-- journey_first_value_summary: per cohort × segment slice, how many accounts reached first value, how many fast
-- (within first_value_days of customer_since) or slow, and the quartiles of the days it took.
with journeys as (
    select * from int_account_journeys
),

slices as (
    select * from int_account_journey_slices
),

counted as (
    select
        sl.cohort_type,
        sl.cohort,
        sl.segment,
        count(*) as accounts,
        count(j.first_value_days) as reached,
        count(*) filter (where j.first_value_class = 'fast') as fast,
        count(*) filter (where j.first_value_class = 'slow') as slow,
        count(*) filter (where j.first_value_class = 'none') as not_reached,
        count(*) filter (where j.first_value_class = 'pending') as pending,
        quantile_cont(j.first_value_days, 0.25) as p25_days,
        median(j.first_value_days) as median_days,
        quantile_cont(j.first_value_days, 0.75) as p75_days
    from slices as sl
    join journeys as j using (account_id)
    group by all
),

final as (
    select
        *,
        -- pending accounts may still reach first value in time, so they are left out of the denominator
        fast / nullif(accounts - pending, 0) as fast_share
    from counted
)

select * from final
