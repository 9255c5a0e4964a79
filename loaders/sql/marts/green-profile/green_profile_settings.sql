-- green_profile_settings: the settings the green profile was computed with, and which of its source tables
-- were supplied, one row (the variables exist only while the models are built).
with usage_days as (
    select * from int_usage_account_days
),

final as (
    select
        getvariable('lookback_days') as lookback_days,
        getvariable('license_utilization') as license_utilization,
        getvariable('feature_breadth') as feature_breadth,
        getvariable('usage_drop') as usage_drop,
        getvariable('contacts_touched') as contacts_touched,
        getvariable('single_thread_days') as single_thread_days,
        getvariable('touched_days') as touched_days,
        getvariable('business_review_days') as business_review_days,
        getvariable('decision_maker_days') as decision_maker_days,
        getvariable('promoter') as promoter,
        getvariable('detractor') as detractor,
        getvariable('first_value_days') as first_value_days,
        getvariable('green_profile_min_events') as min_events,
        (select min(date) from usage_days) as usage_from,
        exists (select 1 from stg_features) as has_features,
        exists (select 1 from stg_features where sticky) as has_sticky,
        exists (select 1 from stg_contacts) as has_contacts,
        exists (select 1 from stg_touches) as has_touches,
        exists (select 1 from stg_tickets) as has_tickets,
        exists (select 1 from stg_nps) as has_nps,
        exists (select 1 from stg_milestones) as has_milestones,
        exists (select 1 from stg_accounts where licenses > 0) as has_licenses
)

select * from final
