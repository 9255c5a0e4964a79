-- journey_settings: one row, the settings the Journey figures were computed with and what they were computed from.
with journeys as (
    select * from int_account_journeys
),

milestones as (
    select * from stg_milestones
),

final as (
    select
        getvariable('stalled_stage_days')::integer as stalled_stage_days,
        getvariable('first_value_days')::integer as first_value_days,
        15 as bin_days,  -- must match journey_first_value_bins
        360 as last_bin_start,
        (select count(*) from milestones) as milestones,
        (select count(*) from journeys) as accounts,
        (select count(*) from journeys where first_value_days is not null) as reached_first_value
)

select * from final
