-- account_touch_months: touches per account and calendar month up to the as-of date, one column per type (the
-- contract's six types; as loss_review_months): one row per month the chart draws, not one per month, type and
-- person (who made them is in account_touch_people), which halves what an account view downloads.
with touches as (
    select * from stg_touches
),

final as (
    select
        account_id,
        strftime(date, '%Y-%m') as month,
        count(*) filter (where type = 'business_review') as business_reviews,
        count(*) filter (where type = 'meeting') as meetings,
        count(*) filter (where type = 'onsite') as onsites,
        count(*) filter (where type = 'call') as calls,
        count(*) filter (where type = 'email') as emails,
        count(*) filter (where type = 'other') as other_touches
    from touches
    where date <= getvariable('as_of')  -- a touch after the as-of date had not happened yet
    group by all
)

select * from final
