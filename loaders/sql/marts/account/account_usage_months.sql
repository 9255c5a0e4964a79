-- account_usage_months: product usage per account and calendar month up to the as-of date: events, distinct
-- active users, active days and distinct features used. Reads the usage pre-aggregates, never stg_usage.
with user_days as (
    select * from int_usage_user_days
),

feature_days as (
    select * from int_usage_feature_days
),

users as (
    select
        account_id,
        strftime(date, '%Y-%m') as month,
        sum(events)::bigint as events,
        count(distinct user_id) as active_users,
        count(distinct date) as active_days
    from user_days
    where date <= getvariable('as_of')  -- usage after the as-of date was not known on it
    group by all
),

features as (
    select account_id, strftime(date, '%Y-%m') as month, count(distinct feature) as features_used
    from feature_days
    where date <= getvariable('as_of')  -- as above
    group by all
),

final as (
    select u.*, coalesce(f.features_used, 0) as features_used
    from users as u
    left join features as f using (account_id, month)
)

select * from final
