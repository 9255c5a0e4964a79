-- health_lab_settings: one row: the lookback, the as-of date, and the test year of the fitted scorecard: the
-- latest renewal year that ended on or before the as-of date (a closed year), so every cohort before it can train.
with events as (
    select * from green_profile_events
),

final as (
    select
        getvariable('lookback_days') as lookback_days,
        getvariable('as_of') as as_of,
        (
            select max(renewal_year)
            from events
            where make_date(renewal_year::integer, 12, 31) <= getvariable('as_of')  -- a year still running is not closed
        )::integer as test_year
)

select * from final
