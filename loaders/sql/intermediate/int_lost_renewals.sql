-- int_lost_renewals: every renewal fully lost (churned, resolved by the as-of date) with the year the loss
-- review looks back over: the 365 days before renewal_date, [window_start, renewal_date).
with events as (
    select * from int_renewal_events
),

accounts as (
    select * from stg_accounts
),

owners as (
    select * from int_account_owners
),

lost as (
    select
        e.renewal_id,
        e.account_id,
        a.account_name,
        o.segment,
        o.region,
        a.csm,
        a.customer_since,
        e.renewal_date,
        e.resolved_date,
        e.arr_before as lost_arr,
        e.loss_reasons as loss_reason,
        e.renewal_date - 365 as window_start
    from events as e
    left join accounts as a using (account_id)
    join owners as o using (account_id)  -- every account id of an event has an owner row
    where e.is_churned  -- the loss review is about renewals fully lost
)

select * from lost
