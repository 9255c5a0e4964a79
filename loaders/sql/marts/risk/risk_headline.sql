-- risk_headline: red share against churn for the latest full calendar year, at the configured lookback
-- (the home page's figure). No row when no full year of resolved renewals has passed.
with colors as (
    select * from int_renewal_colors
),

at_lookback as (
    select *
    from colors
    where lookback_days = getvariable('lookback_days')  -- the headline uses the configured lookback
),

latest_year as (
    select max(renewal_year) as renewal_year
    from at_lookback
    where make_date(renewal_year, 12, 31) <= getvariable('as_of')  -- a year that has ended
),

counted as (
    select
        renewal_year,
        any_value(lookback_days) as lookback_days,
        count(*) as events,
        count(*) filter (where color = 'red') as red_events,
        count(*) filter (where is_churned) as churned,
        count(*) filter (where is_churned and color = 'red') as churned_red,
        sum(arr_before) as arr,
        coalesce(sum(arr_before) filter (where color = 'red'), 0) as red_arr,
        sum(lost_arr) as lost_arr
    from at_lookback
    join latest_year using (renewal_year)
    group by renewal_year
),

final as (
    select
        renewal_year,
        lookback_days,
        events,
        churned,
        red_events / events as red_share,
        case when arr > 0 then red_arr::double / arr::double end as red_share_arr,
        churned / events as logo_churn_rate,
        case when arr > 0 then lost_arr::double / arr::double end as revenue_churn_rate,
        case when churned > 0 then (churned - churned_red) / churned end as missed_churn,
        red_events / events < churned / events as under_calls
    from counted
)

select * from final
