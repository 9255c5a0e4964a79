-- int_renewal_events: one row per renewal event, with its waterfall parts (docs/metrics.md § Revenue).
-- Money is summed as DECIMAL so totals are exact and identical from run to run.
with lines as (
    select * from int_renewal_lines
),

events as (
    select
        renewal_id,
        any_value(account_id) as account_id,          -- validation guarantees the lines agree
        any_value(renewal_date) as renewal_date,
        any_value(resolved_date) as resolved_date,
        count(*) as lines,
        sum(arr_before)::decimal(18, 2) as arr_before,
        sum(arr_after)::decimal(18, 2) as arr_after,
        sum(greatest(arr_before - coalesce(arr_after, 0), 0))::decimal(18, 2) as line_losses,
        sum(case when arr_before > 0 then greatest(coalesce(arr_after, 0) - arr_before, 0) else 0 end)::decimal(18, 2) as line_upsells,
        sum(case when arr_before = 0 then coalesce(arr_after, 0) else 0 end)::decimal(18, 2) as line_cross_sells,
        count(*) filter (where arr_before > 0 and coalesce(arr_after, 0) = 0) as lines_removed,
        count(*) filter (where arr_before = 0 and arr_after > 0) as lines_added,
        string_agg(distinct loss_reason, '; ' order by loss_reason) as loss_reasons
    from lines
    group by renewal_id
),

classified as (
    select
        *,
        -- resolved only when settled on or before the as-of date: a later settlement is not known yet
        coalesce(resolved_date <= getvariable('as_of'), false) as is_resolved
    from events
),

waterfall as (
    select
        *,
        is_resolved and arr_after = 0 as is_churned,
        case when is_resolved then arr_before else 0 end as resolved_value,
        case when is_resolved and arr_after = 0 then arr_before else 0 end as full_loss,
        case when is_resolved and arr_after > 0 then line_losses else 0 end as partial_loss,
        case when is_resolved and arr_after > 0 then line_upsells else 0 end as upsell,
        case when is_resolved and arr_after > 0 then line_cross_sells else 0 end as cross_sell,
        not is_resolved and renewal_date < getvariable('as_of') as is_overdue
    from classified
),

final as (
    select
        *,
        resolved_value - full_loss - partial_loss as retained,
        resolved_value - full_loss - partial_loss + upsell + cross_sell as ending,
        year(renewal_date) as renewal_year,
        year(renewal_date) || '-Q' || quarter(renewal_date) as renewal_quarter
    from waterfall
)

select * from final
