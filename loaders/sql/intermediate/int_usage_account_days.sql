-- int_usage_account_days: one row per account and active day: events and distinct active users.
with user_days as (
    select * from int_usage_user_days
),

final as (
    select
        account_id,
        date,
        sum(events)::bigint as events,
        count(*) as users
    from user_days
    group by all
)

select * from final
