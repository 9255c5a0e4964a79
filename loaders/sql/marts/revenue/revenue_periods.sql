-- revenue_periods: the renewal cohorts that have events, with their calendar bounds, so pages can order
-- them and tell a closed period from one still running on the as-of date.
with events as (
    select * from int_renewal_events
),

years as (
    select distinct
        'year' as period_type,
        renewal_year::varchar as period,
        date_trunc('year', renewal_date)::date as period_start
    from events
),

quarters as (
    select distinct
        'quarter' as period_type,
        renewal_quarter as period,
        date_trunc('quarter', renewal_date)::date as period_start
    from events
),

bounded as (
    select
        *,
        (period_start + case when period_type = 'year' then interval 1 year else interval 3 month end - interval 1 day)::date as period_end
    from (select * from years union all select * from quarters)
),

final as (
    select
        period_type,
        period,
        period_start,
        period_end,
        period_end <= getvariable('as_of') as is_closed,
        getvariable('as_of') between period_start and period_end as contains_as_of
    from bounded
)

select * from final
