-- relationship_settings: the thresholds the relationship figures were computed with and what the inputs held,
-- one row, kept beside the figures because the variables exist only while the models are built.
with touches as (
    select * from stg_touches
),

contacts as (
    select * from stg_contacts
),

account_days as (
    select * from int_usage_account_days
),

final as (
    select
        getvariable('touched_days') as touched_days,
        getvariable('business_review_days') as business_review_days,
        getvariable('single_thread_days') as single_thread_days,
        getvariable('decision_maker_days') as decision_maker_days,
        getvariable('early_warning_from_days') as early_warning_from_days,
        getvariable('early_warning_to_days') as early_warning_to_days,
        getvariable('usage_drop')::double as usage_drop,
        getvariable('early_warning_utilization')::double as early_warning_utilization,
        (select count(*) from touches) as touches,
        (select count(*) from contacts) as contacts,
        (select count(*) from account_days) as usage_days
)

select * from final
