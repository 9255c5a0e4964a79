-- int_usage_feature_days: one row per account, feature and day used, with its events (breadth and sticky-feature traits).
with usage as (
    select * from stg_usage
),

final as (
    select
        account_id,
        feature,
        date,
        sum(events)::bigint as events
    from usage
    group by all
)

select * from final
