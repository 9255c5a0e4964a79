-- account_touch_months: touches per account, calendar month, type and who made them (a touch naming no CSM
-- counts for the account's owner, as on the Relationship page), up to the as-of date.
with touches as (
    select * from stg_touches
),

accounts as (
    select * from stg_accounts
),

final as (
    select
        t.account_id,
        strftime(t.date, '%Y-%m') as month,
        t.type,
        coalesce(t.csm, a.csm) as csm,
        count(*) as touches
    from touches as t
    left join accounts as a using (account_id)
    where t.date <= getvariable('as_of')  -- a touch after the as-of date had not happened yet
    group by all
)

select * from final
