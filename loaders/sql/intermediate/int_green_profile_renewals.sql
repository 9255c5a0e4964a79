-- int_green_profile_renewals: every resolved renewal event read on its lookback date L = renewal_date − the
-- configured lookback (docs/metrics.md § Green profile), with the account facts its traits need. Every trait of
-- the green profile is measured in a window that ends on L, so nothing known only later can leak in.
with colors as (
    select * from int_renewal_colors
),

accounts as (
    select * from stg_accounts
),

owners as (
    select * from int_account_owners
),

at_lookback as (
    select
        renewal_id,
        account_id,
        renewal_date,
        renewal_year,
        lookback_date,
        color,
        is_churned
    from colors
    where lookback_days = getvariable('lookback_days')  -- the profile is read at the configured lookback only
),

final as (
    select
        r.*,
        o.segment,
        a.customer_since,
        a.licenses
    from at_lookback as r
    join accounts as a using (account_id)
    join owners as o using (account_id)
)

select * from final
