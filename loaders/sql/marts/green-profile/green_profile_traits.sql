-- green_profile_traits: the traits of the green profile (docs/metrics.md § Green profile), one row each, in the
-- order docs/metrics.md lists them, worded with the configured thresholds. `trait` names a boolean column of
-- green_profile_events; `phrase` completes "Accounts … renewed x% of the time" in the page's blueprint ("prior" = the days
-- ending on the lookback date, as the page explains).
with settings as (
    select
        round(getvariable('license_utilization') * 100)::integer || '%' as utilization,
        round(getvariable('feature_breadth') * 100)::integer || '%' as breadth,
        case
            when abs(getvariable('usage_drop') - 1 / 3) < 1e-6 then 'a third'
            else round(getvariable('usage_drop') * 100)::integer || '%'
        end as drop_text,
        getvariable('contacts_touched')::varchar as contacts,
        getvariable('single_thread_days')::varchar as thread_days,
        getvariable('touched_days')::varchar as touched_days,
        getvariable('business_review_days')::varchar as review_days,
        getvariable('decision_maker_days')::varchar as dm_days,
        getvariable('promoter')::varchar as promoter,
        getvariable('detractor')::varchar as detractor,
        getvariable('first_value_days')::varchar as fv_days
),

traits as (
    select t.*
    from settings as s,
    lateral (values
        (1, 'license_utilization_high', 'Usage', 'License utilization ≥ ' || s.utilization,
            'with at least ' || s.utilization || ' of their licenses in use in the prior 90 days',
            'distinct active users in the 90 days ending on the lookback date ÷ accounts.licenses', false),
        (2, 'feature_breadth_high', 'Usage', 'Feature breadth ≥ ' || s.breadth,
            'using at least ' || s.breadth || ' of the features in the prior 90 days',
            'distinct features used in the 90 days ÷ features seen (the features file, else features used by anyone by then)', false),
        (3, 'uses_sticky_feature', 'Usage', 'Uses a sticky feature',
            'using a sticky feature in the prior 90 days',
            'any use of a feature marked sticky in the features file, in the 90 days', false),
        (4, 'usage_not_falling', 'Usage', 'Usage not falling by ' || s.drop_text,
            'whose usage was not falling by ' || s.drop_text,
            'usage events in the 90 days against the 90 days before them', false),
        (5, 'has_exec_sponsor', 'Relationship', 'Executive sponsor (today)',
            'with an executive sponsor',
            'a contact marked is_exec_sponsor in today''s contacts file: contacts carry no dates', true),
        (6, 'multi_threaded', 'Relationship', s.contacts || '+ contacts touched in ' || s.thread_days || ' days',
            'with ' || s.contacts || ' or more contacts touched in the prior ' || s.thread_days || ' days',
            'distinct contacts named on touches in the ' || s.thread_days || ' days ending on the lookback date', false),
        (7, 'touched_recently', 'Relationship', 'Touched in the last ' || s.touched_days || ' days',
            'touched in the prior ' || s.touched_days || ' days',
            'any touch in the ' || s.touched_days || ' days ending on the lookback date', false),
        (8, 'business_review', 'Relationship', 'Business review in ' || s.review_days || ' days',
            'with a business review in the prior ' || s.review_days || ' days',
            'a business_review touch in the ' || s.review_days || ' days ending on the lookback date', false),
        (9, 'decision_maker_touched', 'Relationship', 'Decision maker touched in ' || s.dm_days || ' days',
            'whose decision maker was touched in the prior ' || s.dm_days || ' days',
            'a touch naming a decision_maker contact (role as in today''s contacts) in the ' || s.dm_days || ' days', false),
        (10, 'no_high_ticket', 'Support', 'No high or urgent ticket in 90 days',
            'with no high or urgent ticket in the prior 90 days',
            'no ticket of severity high or urgent opened in the 90 days ending on the lookback date', false),
        (11, 'nps_promoter', 'Sentiment', 'NPS promoter (latest ≥ ' || s.promoter || ')',
            'whose latest NPS answer was ' || s.promoter || ' or more',
            'the latest NPS response in the 365 days ending on the lookback date; no response counts as without', false),
        (12, 'nps_detractor', 'Sentiment', 'NPS detractor (latest ≤ ' || s.detractor || ')',
            'whose latest NPS answer was ' || s.detractor || ' or less',
            'the latest NPS response in the 365 days ending on the lookback date; no response counts as without', false),
        (13, 'fast_first_value', 'Onboarding', 'First value within ' || s.fv_days || ' days',
            'that reached first value within ' || s.fv_days || ' days of becoming customers',
            'the first_value milestone reached on or before the lookback date, at most ' || s.fv_days || ' days after customer_since', false)
    ) as t(position, trait, area, label, phrase, measured, today_state)
),

final as (
    select * from traits
)

select * from final
