-- int_health_intervals: each account's color over time; a snapshot's color holds from its as_of until the next
-- snapshot's (valid_to, exclusive; 9999-12-31 for the latest). A point-in-time lookup of the color on day d is
-- `d >= valid_from and d < valid_to`; a day before an account's first snapshot finds no row: unscored.
with snapshots as (
    select * from stg_health
),

known as (
    select account_id, as_of, color
    from snapshots
    where as_of <= getvariable('as_of')  -- a snapshot taken after the as-of date was not known on it
),

one_per_day as (
    -- two snapshots on one day: the most severe color holds, so the answer never depends on file order
    select
        account_id,
        as_of as valid_from,
        arg_max(color, case color when 'red' then 3 when 'yellow' then 2 else 1 end) as color
    from known
    group by account_id, as_of
),

final as (
    select
        account_id,
        color,
        valid_from,
        coalesce(lead(valid_from) over (partition by account_id order by valid_from), date '9999-12-31') as valid_to
    from one_per_day
)

select * from final
