-- account_touch_people: touches per account, type and who made them (a touch naming no CSM counts for the
-- account's owner, as on the Relationship page) up to the as-of date: all of them, those of the 12 calendar months
-- ending with the as-of date's month, and the latest month with one.
with touches as (
    select * from stg_touches
),

accounts as (
    select * from stg_accounts
),

known as (
    select t.account_id, t.type, coalesce(t.csm, a.csm) as csm, date_trunc('month', t.date) as month
    from touches as t
    left join accounts as a using (account_id)
    where t.date <= getvariable('as_of')  -- a touch after the as-of date had not happened yet
),

final as (
    select
        account_id,
        type,
        csm,
        count(*) as touches,
        -- the 12 calendar months ending with the as-of month (the as-of month counts whole, as far as it is known)
        count(*) filter (where month > date_trunc('month', getvariable('as_of')) - interval 12 month) as last_12_months,
        strftime(max(month), '%Y-%m') as last_month
    from known
    group by all
)

select * from final
