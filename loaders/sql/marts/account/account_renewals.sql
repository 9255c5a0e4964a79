-- account_renewals: every renewal event of every account with its outcome as known on the as-of date:
-- open (due later), overdue (due, not settled), lost (nothing renewed), contracted, flat or expanded.
with events as (
    select * from int_renewal_events
),

final as (
    select
        account_id,
        renewal_id,
        renewal_date,
        case when is_resolved then resolved_date end as resolved_date,  -- a later settlement is not known yet
        lines,
        arr_before::double as arr_before,
        case when is_resolved then arr_after end::double as arr_after,
        case
            when not is_resolved and is_overdue then 'overdue'
            when not is_resolved then 'open'
            when is_churned then 'lost'
            when arr_after < arr_before then 'contracted'
            when arr_after > arr_before then 'expanded'
            else 'flat'
        end as outcome,
        loss_reasons as loss_reason
    from events
)

select * from final
