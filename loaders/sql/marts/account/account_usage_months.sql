-- account_usage_months: product usage per account and calendar month up to the as-of date: events, distinct
-- active users, active days and distinct features used. Reads the usage pre-aggregates, never stg_usage; each
-- distinct count is a group-by on the way up (account, month, user) → (account, month), cheaper than DISTINCT
-- aggregates over a 100M-row book.
with user_days as (
    select * from int_usage_user_days
),

account_days as (
    select * from int_usage_account_days
),

feature_days as (
    select * from int_usage_feature_days
),

user_months as (
    select account_id, date_trunc('month', date) as month, user_id, sum(events) as events
    from user_days
    where date <= getvariable('as_of')  -- usage after the as-of date was not known on it
    group by all
),

users as (
    select account_id, month, sum(events)::bigint as events, count(*) as active_users
    from user_months
    group by all
),

days as (
    select account_id, date_trunc('month', date) as month, count(*) as active_days
    from account_days
    where date <= getvariable('as_of')  -- as above
    group by all
),

feature_months as (
    select distinct account_id, date_trunc('month', date) as month, feature
    from feature_days
    where date <= getvariable('as_of')  -- as above
),

features as (
    select account_id, month, count(*) as features_used
    from feature_months
    group by all
),

final as (
    select
        u.account_id,
        strftime(u.month, '%Y-%m') as month,
        u.events,
        u.active_users,
        d.active_days,
        coalesce(f.features_used, 0) as features_used
    from users as u
    join days as d using (account_id, month)
    left join features as f using (account_id, month)
)

select * from final
