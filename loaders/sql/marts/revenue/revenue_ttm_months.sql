-- revenue_ttm_months: the month ends on which the trailing-twelve-months figures are read (docs/metrics.md § Revenue),
-- from the first month with a resolved renewal to the last month end on or before the as-of date.
with events as (
    select * from int_renewal_events
),

bounds as (
    select min(resolved_date) as first_resolved
    from events
    where is_resolved  -- a settlement after the as-of date is not known yet
),

months as (
    select (m + interval 1 month - interval 1 day)::date as month_end, b.first_resolved
    from bounds as b,
        range(date_trunc('month', b.first_resolved), getvariable('as_of') + interval 1 day, interval 1 month) as t(m)
    where b.first_resolved is not null  -- no resolved renewal, no TTM series
),

final as (
    select
        month_end,
        month_end - 364 as window_start,
        -- the window holds a whole year of history only once it starts on or after the first resolved renewal
        month_end - 364 >= first_resolved as full_window
    from months
    where month_end <= getvariable('as_of')  -- a month still running on the as-of date has no month end yet
)

select * from final
