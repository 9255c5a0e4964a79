-- arr_bridge: the ARR bridge and the account-basis rates (docs/metrics.md § Revenue on an account basis) per window,
-- for the whole book (dimension_value 'all', every window) and by each of segment, region and CSM on its own.
-- Monthly rates are also annualized (compounded over twelve months) in the *_annualized columns.
-- Its rates are the formulas of FAMILIES.bridge in src/components/metrics.js, where they are defined once:
-- test/metrics/sql-rates.test.ts checks every row against them. Change a formula there first.
with windows as (
    select * from arr_bridge_windows
),

accounts as (
    select * from arr_bridge_accounts
),

grouped as (
    select
        "window",
        period_end,
        case
            when grouping(segment) = 0 then 'segment'
            when grouping(region) = 0 then 'region'
            when grouping(csm) = 0 then 'csm'
            else 'all'
        end as dimension,
        coalesce(segment, region, csm, 'all') as dimension_value,
        sum(starting_logos)::bigint as starting_logos,
        sum(churned_logos)::bigint as churned_logos,
        sum(starting_arr)::decimal(18, 2) as starting_arr,
        sum(churned_arr)::decimal(18, 2) as churned_arr,
        sum(contraction)::decimal(18, 2) as contraction,
        sum(expansion)::decimal(18, 2) as expansion,
        sum(cross_sell)::decimal(18, 2) as cross_sell,
        sum(new_arr)::decimal(18, 2) as new_arr,
        sum(reactivation)::decimal(18, 2) as reactivation,
        sum(ending_arr)::decimal(18, 2) as ending_arr
    from accounts
    group by grouping sets (("window", period_end), ("window", period_end, segment), ("window", period_end, region), ("window", period_end, csm))
),

whole_book as (
    -- every window, so the series has no hole where the book held nothing
    select
        w."window",
        w.period_end,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(g.starting_logos, 0)::bigint as starting_logos,
        coalesce(g.churned_logos, 0)::bigint as churned_logos,
        coalesce(g.starting_arr, 0)::decimal(18, 2) as starting_arr,
        coalesce(g.churned_arr, 0)::decimal(18, 2) as churned_arr,
        coalesce(g.contraction, 0)::decimal(18, 2) as contraction,
        coalesce(g.expansion, 0)::decimal(18, 2) as expansion,
        coalesce(g.cross_sell, 0)::decimal(18, 2) as cross_sell,
        coalesce(g.new_arr, 0)::decimal(18, 2) as new_arr,
        coalesce(g.reactivation, 0)::decimal(18, 2) as reactivation,
        coalesce(g.ending_arr, 0)::decimal(18, 2) as ending_arr
    from windows as w
    left join grouped as g
        on g."window" = w."window"
        and g.period_end = w.period_end
        and g.dimension = 'all'  -- the slices by segment, region and CSM follow below as they are
),

slices as (
    select * from whole_book
    union all
    select * from grouped
    where dimension <> 'all'  -- already in whole_book
),

rates as (
    select
        s.*,
        w.period_start,
        s.churned_logos / nullif(s.starting_logos, 0) as logo_churn_rate,
        (s.starting_arr - s.churned_arr - s.contraction) / nullif(s.starting_arr, 0) as grr,
        (s.starting_arr - s.churned_arr - s.contraction + s.expansion + s.cross_sell) / nullif(s.starting_arr, 0) as nrr
    from slices as s
    join windows as w using ("window", period_end)
),

final as (
    select
        *,
        -- 1 − (1 − r)^12 for a churn rate r; retention rates compound the same way (GRR^12, NRR^12)
        case when "window" = 'month' then 1 - pow(1 - logo_churn_rate, 12) end as logo_churn_rate_annualized,
        case when "window" = 'month' then pow(grr, 12) end as grr_annualized,
        case when "window" = 'month' then pow(nrr, 12) end as nrr_annualized
    from rates
)

select * from final
