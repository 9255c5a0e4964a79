-- account_milestones: lifecycle stages each account reached up to the as-of date, with the days since it became a customer.
with milestones as (
    select * from stg_milestones
),

accounts as (
    select * from stg_accounts
),

final as (
    select
        m.account_id,
        m.stage,
        m.reached_at,
        m.reached_at - a.customer_since as days_from_start
    from milestones as m
    left join accounts as a using (account_id)
    where m.reached_at <= getvariable('as_of')  -- a stage reached later had not been reached yet
)

select * from final
