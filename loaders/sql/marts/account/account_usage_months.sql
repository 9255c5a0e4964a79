-- account_usage_months: product usage per account and calendar month up to the as-of date: events, distinct
-- active users, active days and distinct features used. Reads the usage pre-aggregates, never stg_usage.
-- Users per month are a count of rows of the per-user-month grain. Distinct features per month are counted from
-- one small row per account, feature and year holding a 12-bit mask of the months the feature was used; each
-- account and year sums the masks' twelve bits, and the twelve sums become months.
with user_months as (
    select * from int_usage_user_months
),

account_days as (
    select * from int_usage_account_days
),

feature_days as (
    select * from int_usage_feature_days
),

users as (
    select account_id, month, count(*) as active_users
    from user_months
    where active_in(days, month, month - 1, getvariable('as_of'))  -- usage after the as-of date was not known on it
    group by all
),

feature_years as (
    select account_id, feature, year(date) as year, bit_or(1 << (month(date) - 1)) as months
    from feature_days
    where date <= getvariable('as_of')  -- as above
    group by all
),

feature_counts as (
    -- per account and year, m<k> = the features used in month k (bit k − 1 of their mask)
    select
        account_id,
        year,
        sum((months >> 0) & 1)::bigint as m1,
        sum((months >> 1) & 1)::bigint as m2,
        sum((months >> 2) & 1)::bigint as m3,
        sum((months >> 3) & 1)::bigint as m4,
        sum((months >> 4) & 1)::bigint as m5,
        sum((months >> 5) & 1)::bigint as m6,
        sum((months >> 6) & 1)::bigint as m7,
        sum((months >> 7) & 1)::bigint as m8,
        sum((months >> 8) & 1)::bigint as m9,
        sum((months >> 9) & 1)::bigint as m10,
        sum((months >> 10) & 1)::bigint as m11,
        sum((months >> 11) & 1)::bigint as m12
    from feature_years
    group by all
),

features as (
    -- the twelve sums as months; a month no feature was used in has no row
    select account_id, make_date(year, month_number, 1) as month, features_used
    from (
        unpivot feature_counts on m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12
        into name month_name value features_used
    )
    cross join lateral (select substr(month_name, 2)::integer as month_number)
    where features_used > 0
),

days as (
    -- events and active days from the per-account-day grain (its events equal the staged usage: its assertion)
    select account_id, date_trunc('month', date)::date as month, sum(events)::bigint as events, count(*) as active_days
    from account_days
    where date <= getvariable('as_of')  -- as above
    group by all
),

final as (
    select
        d.account_id,
        strftime(d.month, '%Y-%m') as month,
        d.events,
        u.active_users,
        d.active_days,
        coalesce(f.features_used, 0) as features_used
    from days as d
    join users as u using (account_id, month)
    left join features as f using (account_id, month)
)

select * from final
