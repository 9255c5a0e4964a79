-- account_health: each account's health snapshots up to the as-of date, one per day (two on one day: the most
-- severe color holds, as in int_health_intervals, with that snapshot's score).
with snapshots as (
    select * from stg_health
),

final as (
    select
        account_id,
        as_of as day,
        arg_max(color, case color when 'red' then 3 when 'yellow' then 2 else 1 end) as color,
        arg_max(score, case color when 'red' then 3 when 'yellow' then 2 else 1 end)::double as score
    from snapshots
    where as_of <= getvariable('as_of')  -- a snapshot taken after the as-of date was not known on it
    group by account_id, as_of
)

select * from final
