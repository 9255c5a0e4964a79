-- arr_bridge_facts: the ARR bridge's additive sums per window × segment × region × CSM (only combinations that
-- held ARR on s or on e), so the bridge and its rates for any filter are sums of rows (as cohort_facts).
with accounts as (
    select * from arr_bridge_accounts
),

final as (
    select
        "window",
        period_end,
        segment,
        region,
        csm,
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
    group by all
)

select * from final
