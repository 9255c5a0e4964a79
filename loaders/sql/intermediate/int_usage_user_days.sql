-- int_usage_user_days: one row per account, user and active day (features folded in).
-- Usage is the large table: every trait and page reads these pre-aggregates, never stg_usage itself.
with usage as (
    select * from stg_usage
),

final as (
    select
        account_id,
        user_id,
        date,
        sum(events)::bigint as events
    from usage
    group by all
)

select * from final
