-- account_health: each account's health over time up to the as-of date, as its chart draws it: the first snapshot,
-- every snapshot whose color differs from the one before, and the last snapshot of each calendar month (so the
-- latest one too). Two snapshots on one day count as one: the most severe color holds, as in
-- int_health_intervals, with that snapshot's score. Snapshots in between (same color, same month) add nothing a
-- monthly chart can show, and leaving them out halves the rows every account view downloads.
with snapshots as (
    select * from stg_health
),

days as (
    select
        account_id,
        as_of as day,
        arg_max(color, case color when 'red' then 3 when 'yellow' then 2 else 1 end) as color,
        arg_max(score, case color when 'red' then 3 when 'yellow' then 2 else 1 end)::double as score
    from snapshots
    where as_of <= getvariable('as_of')  -- a snapshot taken after the as-of date was not known on it
    group by account_id, as_of
),

neighbours as (
    select
        *,
        lag(color) over by_day as previous_color,
        lead(day) over by_day as next_day
    from days
    window by_day as (partition by account_id order by day)
),

final as (
    select account_id, day, color, score
    from neighbours
    where previous_color is distinct from color  -- the first snapshot and every change of color
        or next_day is null  -- the latest snapshot
        or date_trunc('month', next_day) > date_trunc('month', day)  -- the month's last snapshot
)

select * from final
