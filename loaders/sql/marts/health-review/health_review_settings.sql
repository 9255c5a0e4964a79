-- health_review_settings: the thresholds the health review lists were computed with, and the book's breadth cut,
-- one row, kept beside the lists because the variables exist only while the models are built.
with accounts as (
    select * from health_review_accounts
),

final as (
    select
        getvariable('review_red_days') as review_red_days,
        getvariable('business_review_days') as business_review_days,
        getvariable('review_renewal_days') as review_renewal_days,
        getvariable('review_cycle_days') as review_cycle_days,
        getvariable('touched_days') as touched_days,
        getvariable('single_thread_days') as single_thread_days,
        getvariable('usage_drop')::double as usage_drop,
        getvariable('early_warning_from_days') as early_warning_from_days,
        getvariable('early_warning_to_days') as early_warning_to_days,
        getvariable('expansion_utilization')::double as expansion_utilization,
        getvariable('expansion_breadth_percentile')::double as expansion_breadth_percentile,
        (select quantile_disc(feature_breadth, getvariable('expansion_breadth_percentile')) from accounts
            where feature_breadth is not null)::double as expansion_breadth_cut,  -- accounts without usage have no breadth
        getvariable('flip_days') as flip_days,
        getvariable('review_flip_since_days') as review_flip_since_days,
        getvariable('lookback_days') as lookback_days,
        (select count(*) from accounts) as active_accounts
)

select * from final
