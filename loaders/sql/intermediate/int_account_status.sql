-- int_account_status: each account on the as-of date: active or lost, and its current contract value.
with accounts as (
    select * from stg_accounts
),

events as (
    select * from int_renewal_events
),

lost as (
    -- an account is lost at its first fully lost, resolved renewal
    select account_id, min(resolved_date) as lost_on
    from events
    where is_churned
    group by account_id
),

latest_resolved as (
    select account_id, arg_max(arr_after, renewal_date) as arr_after
    from events
    where is_resolved
    group by account_id
),

next_open as (
    -- the contract running now is the one coming up for renewal next
    select account_id, arg_min(arr_before, renewal_date) as arr_before, min(renewal_date) as next_renewal_date
    from events
    where not is_resolved
    group by account_id
),

final as (
    select
        a.account_id,
        a.customer_since,
        a.customer_since <= getvariable('as_of') and lost.lost_on is null as is_active,
        lost.lost_on,
        case
            when lost.lost_on is not null then 0
            else coalesce(n.arr_before, r.arr_after, 0)
        end::decimal(18, 2) as current_arr,
        n.next_renewal_date
    from accounts as a
    left join lost using (account_id)
    left join latest_resolved as r using (account_id)
    left join next_open as n using (account_id)
)

select * from final
