-- risk_settings: the settings the risk figures were computed with, one row, kept beside them because the
-- variables exist only while the models are built.
with health as (
    select * from stg_health
),

final as (
    select
        getvariable('lookback_days') as lookback_days,
        getvariable('lookbacks')::varchar[] as lookbacks,
        getvariable('under_call_min_events') as under_call_min_events,
        getvariable('flip_days') as flip_days,
        getvariable('risk_missed_churn_limit')::double as risk_missed_churn_limit,
        (select count(*) from health) as health_snapshots
)

select * from final
