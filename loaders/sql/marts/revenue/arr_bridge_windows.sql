-- arr_bridge_windows: the windows (s, e] of the ARR bridge (docs/metrics.md § Revenue on an account basis): every
-- calendar month, quarter and year, and the trailing 365 days ending on each month end, from the month the first
-- line was held to the as-of date. Only windows that ended on or before the as-of date: a running one has no end yet.
with lines as (
    select * from int_line_arr
),

bounds as (
    select min(valid_from) as first_day from lines
),

month_ends as (
    select (m + interval 1 month - interval 1 day)::date as period_end
    from bounds as b,
        range(date_trunc('month', b.first_day), getvariable('as_of') + interval 1 day, interval 1 month) as t(m)
    where b.first_day is not null  -- no line ever held, no bridge
),

windows as (
    select 'month' as "window", period_end, (date_trunc('month', period_end) - interval 1 day)::date as period_start
    from month_ends
    union all
    select 'quarter', period_end, (date_trunc('quarter', period_end) - interval 1 day)::date
    from month_ends
    where month(period_end) in (3, 6, 9, 12)  -- quarter ends only
    union all
    select 'year', period_end, (date_trunc('year', period_end) - interval 1 day)::date
    from month_ends
    where month(period_end) = 12  -- year ends only
    union all
    select 'ttm', period_end, (period_end - 365)::date
    from month_ends
),

final as (
    select * from windows
    where period_end <= getvariable('as_of')  -- a window still running on the as-of date is left out
)

select * from final
