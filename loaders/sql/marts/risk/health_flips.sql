-- health_flips: an account that went from red to green, or green to red, within flip_days days: the first day
-- of the new color is at most flip_days after the last day of the old one, whatever yellow came between.
with runs as (
    select * from int_health_runs  -- consecutive snapshots of one color are one stretch of that color
),

accounts as (
    select * from int_account_owners  -- names, and "(none)" for a missing segment, region or CSM
),

decisive as (
    select
        *,
        lag(color) over (partition by account_id order by run_from) as prev_color,
        lag(run_to) over (partition by account_id order by run_from) as prev_to
    from runs
    where color <> 'yellow'  -- a flip is red to green or back; yellow in between does not break it
),

final as (
    select
        d.account_id,
        a.account_name,
        a.segment,
        a.region,
        a.csm,
        d.prev_color as from_color,
        d.color as to_color,
        d.prev_to - 1 as last_day_from,
        d.run_from as first_day_to,
        d.run_from - (d.prev_to - 1) as days
    from decisive as d
    join accounts as a using (account_id)
    where d.prev_color <> d.color  -- the color turned over
        and d.run_from - (d.prev_to - 1) <= getvariable('flip_days')  -- and quickly
)

select * from final
