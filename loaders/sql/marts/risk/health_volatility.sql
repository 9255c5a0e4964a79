-- health_volatility: per account, how often its color changed: changes per 90 days of scored life (from the first
-- snapshot to the as-of date or the day it was lost), and its red↔green flips. Never-scored accounts are kept.
with accounts as (
    select * from int_account_owners  -- names, and "(none)" for a missing segment, region or CSM
),

status as (
    select * from int_account_status
),

intervals as (
    select * from int_health_intervals
),

flips as (
    select * from health_flips
),

marked as (
    select
        account_id,
        valid_from,
        color <> lag(color) over (partition by account_id order by valid_from) as changed
    from intervals
),

changes as (
    select
        account_id,
        count(*) as snapshots,
        min(valid_from) as first_snapshot,
        count(*) filter (where changed) as changes
    from marked
    group by account_id
),

flip_counts as (
    select account_id, count(*) as flips
    from flips
    group by account_id
),

observed as (
    select
        a.account_id,
        a.account_name,
        a.segment,
        a.region,
        a.csm,
        coalesce(c.snapshots, 0) as snapshots,
        coalesce(c.changes, 0) as changes,
        least(getvariable('as_of'), coalesce(s.lost_on, getvariable('as_of'))) - c.first_snapshot as observed_days,
        coalesce(f.flips, 0) as flips
    from accounts as a
    join status as s using (account_id)
    left join changes as c using (account_id)
    left join flip_counts as f using (account_id)
),

final as (
    select
        *,
        case when observed_days > 0 then round(changes * 90 / observed_days, 2) end as changes_per_90_days
    from observed
)

select * from final
