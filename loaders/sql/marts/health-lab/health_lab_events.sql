-- health_lab_events: every resolved renewal event read on its lookback date (as green_profile_events reads it, with
-- every trait measured in a window ending there), plus the health score in force that day, and the renewal's ARR,
-- account and CSM for the missed-accounts list (docs/metrics.md § Health lab). Outcome = fully lost (is_churned).
with profile as (
    select * from green_profile_events
),

snapshots as (
    select * from stg_health
),

events as (
    select * from int_renewal_events
),

accounts as (
    select * from stg_accounts
),

scores as (
    -- two snapshots on one day: the most severe reading holds (as for the color), so file order never matters;
    -- arg_max_null, because arg_max would skip a severe snapshot that carries no score
    select
        account_id,
        as_of as valid_from,
        arg_max_null(score, case color when 'red' then 3 when 'yellow' then 2 else 1 end * 1000 - coalesce(score, 0)) as score
    from snapshots
    where as_of <= getvariable('as_of')  -- a snapshot taken after the as-of date was not known on it
    group by account_id, as_of
),

final as (
    select
        p.*,
        i.score,  -- null: unscored, or the snapshot in force carried no score
        e.arr_before::double as arr,
        a.account_name,
        a.csm
    from profile as p
    asof left join scores as i
        on i.account_id = p.account_id
        and p.lookback_date >= i.valid_from  -- point in time: the latest snapshot on or before the lookback date
    join events as e using (renewal_id)
    join accounts as a on a.account_id = p.account_id
)

select * from final
