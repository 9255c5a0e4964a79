-- journey_stalled_accounts: customers sitting in their furthest lifecycle stage for longer than the configured
-- stalled_stage_days (advocates are at the end of the journey and lost accounts have left it, so neither stalls).
with journeys as (
    select * from int_account_journeys
),

final as (
    select
        account_id,
        account_name,
        segment,
        region,
        csm,
        start_year,
        start_quarter,
        customer_since,
        current_stage as stage,
        current_stage_since as stage_since,
        days_in_stage,
        current_arr,
        next_renewal_date
    from journeys
    where is_stalled  -- the list is of stalled accounts only
)

select * from final
