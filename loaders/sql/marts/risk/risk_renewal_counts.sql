-- risk_renewal_counts: resolved renewal events counted per lookback, cohort quarter, account group
-- (segment, region, CSM: int_account_groups) and color at the lookback. Every measure is additive, so a page sums the rows its filters keep and computes rates
-- from the sums (src/components/risk.js); a year is the sum of its quarters.
with colors as (
    select * from int_renewal_colors
),

final as (
    select
        lookback_days,
        renewal_quarter,
        group_id,
        color,
        count(*) as events,
        count(*) filter (where is_churned) as churned,
        sum(arr_before)::decimal(18, 2) as arr,
        sum(lost_arr)::decimal(18, 2) as lost_arr
    from colors
    group by all
)

select * from final
