-- int_renewal_colors: every resolved renewal event read at its lookback date (renewal_date − L), once per
-- lookback choice L, with the account's color then (docs/metrics.md § Risk) and its outcome.
with events as (
    select * from int_renewal_events
),

groups as (
    select * from int_account_groups
),

intervals as (
    select * from int_health_intervals
),

lookbacks as (
    select unnest(getvariable('lookbacks')) as lookback_days
),

resolved as (
    select
        renewal_id,
        account_id,
        renewal_date,
        renewal_year,
        renewal_quarter,
        arr_before,
        is_churned,
        full_loss + partial_loss as lost_arr
    from events
    where is_resolved  -- only a settled renewal has an outcome to compare the color with
),

read_at as (
    select
        l.lookback_days,
        r.*,
        r.renewal_date - l.lookback_days::integer as lookback_date
    from resolved as r
    cross join lookbacks as l
),

colored as (
    -- point in time: the snapshot in force on the lookback date, never today's color
    select
        r.*,
        coalesce(i.color, 'unscored') as color
    from read_at as r
    left join intervals as i
        on i.account_id = r.account_id
        and r.lookback_date >= i.valid_from
        and r.lookback_date < i.valid_to
),

final as (
    select
        c.*,
        g.group_id,
        g.segment,
        g.region,
        g.csm
    from colored as c
    join groups as g using (account_id)
)

select * from final
