-- green_profile_events: one row per resolved renewal event with every green-profile trait measured on its
-- lookback date L (docs/metrics.md § Green profile), and the continuous metric behind each. A window "of N days
-- ending on L" is (L − N, L]: it holds L and the N − 1 days before. A trait is null (unmeasured, left out of
-- its comparison) when its source table was not supplied or cannot cover the window; it is never guessed.
with renewals as (
    select * from int_green_profile_renewals
),

usage as (
    select * from int_green_profile_usage
),

relationship as (
    select * from int_green_profile_touches
),

tickets as (
    select * from stg_tickets
),

responses as (
    select * from stg_nps
),

milestones as (
    select * from stg_milestones
),

sources as (
    select
        exists (select 1 from stg_features where sticky) as has_sticky,
        exists (select 1 from stg_contacts) as has_contacts,
        exists (select 1 from stg_touches) as has_touches,
        exists (select 1 from tickets) as has_tickets,
        exists (select 1 from responses) as has_nps,
        exists (select 1 from milestones) as has_milestones
),

high_tickets as (
    select r.renewal_id, count(*) as high_tickets
    from renewals as r
    join tickets as t
        on t.account_id = r.account_id
        and t.opened_at > r.lookback_date - 90 and t.opened_at <= r.lookback_date  -- opened in the 90 days ending on L
    where t.severity in ('high', 'urgent')  -- the trait is about serious problems only
    group by r.renewal_id
),

latest_nps as (
    select renewal_id, score as nps_score
    from (
        select
            r.renewal_id,
            n.score,
            -- the latest answer; two on that day: the lower one, so a tie never flatters
            row_number() over (partition by r.renewal_id order by n.responded_at desc, n.score) as recency
        from renewals as r
        join responses as n
            on n.account_id = r.account_id
            and n.responded_at > r.lookback_date - 365 and n.responded_at <= r.lookback_date  -- the 365 days ending on L
    )
    where recency = 1  -- one answer per event
),

first_value as (
    select r.renewal_id, min(m.reached_at) - any_value(r.customer_since) as days_to_first_value
    from renewals as r
    join milestones as m
        on m.account_id = r.account_id
        and m.reached_at <= r.lookback_date  -- first value reached after L was not known on L
    where m.stage = 'first_value'
    group by r.renewal_id
),

measured as (
    select
        r.renewal_id,
        r.account_id,
        r.segment,
        r.renewal_year,
        r.renewal_date,
        r.lookback_date,
        r.color,
        r.is_churned,
        -- continuous metrics (null = not measurable)
        case when u.window_covered then u.active_users / nullif(r.licenses, 0) end as license_utilization,
        case when u.window_covered then u.features_used / nullif(u.features_seen, 0) end as feature_breadth,
        case when u.trend_covered then u.events_now / nullif(u.events_before, 0) end as usage_trend,
        case when s.has_touches then p.contacts_touched end as contacts_touched,
        case when s.has_touches then p.days_since_touch end as days_since_touch,
        case when s.has_touches then p.days_since_review end as days_since_review,
        case when s.has_tickets then coalesce(t.high_tickets, 0) end as high_tickets,
        case when s.has_nps then n.nps_score end as nps_score,
        case when s.has_milestones then f.days_to_first_value end as days_to_first_value,
        -- the raw parts the traits need
        u.window_covered,
        u.trend_covered,
        u.sticky_features_used as sticky_used,
        u.events_now,
        u.events_before,
        p.days_since_decision_maker,
        p.has_exec_sponsor,
        s.*
    from renewals as r
    cross join sources as s
    left join usage as u using (renewal_id)
    left join relationship as p using (renewal_id)
    left join high_tickets as t using (renewal_id)
    left join latest_nps as n using (renewal_id)
    left join first_value as f using (renewal_id)
),

flagged as (
    -- the trait rules are written once, in the green_profile_flags macro (loaders/engine/figure-macros.ts)
    select
        m.*,
        green_profile_flags(
            m, getvariable('license_utilization'), getvariable('feature_breadth'), getvariable('usage_drop'),
            getvariable('contacts_touched'), getvariable('touched_days'), getvariable('business_review_days'),
            getvariable('decision_maker_days'), getvariable('promoter'), getvariable('detractor'), getvariable('first_value_days')
        ) as flags
    from measured as m
),

final as (
    select
        renewal_id,
        account_id,
        segment,
        renewal_year,
        renewal_date,
        lookback_date,
        color,
        is_churned,
        unnest(flags),
        license_utilization,
        feature_breadth,
        usage_trend,
        contacts_touched,
        days_since_touch,
        days_since_review,
        high_tickets,
        nps_score,
        days_to_first_value
    from flagged
)

select * from final
