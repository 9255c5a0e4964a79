-- int_health_runs: each account's stretches of one color, [run_from, run_to): consecutive snapshots of the same
-- color are one stretch (a new snapshot of the same color does not start a new one). Read by the flips
-- (red to green within days) and by the health review ("red since").
with intervals as (
    select * from int_health_intervals
),

marked as (
    select
        *,
        color is distinct from lag(color) over (partition by account_id order by valid_from) as starts_run
    from intervals
),

numbered as (
    select *, sum(starts_run::integer) over (partition by account_id order by valid_from) as run_no
    from marked
),

final as (
    select account_id, run_no, any_value(color) as color, min(valid_from) as run_from, max(valid_to) as run_to
    from numbered
    group by account_id, run_no
)

select * from final
