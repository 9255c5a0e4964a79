-- account_traits: each account's green-profile traits measured today: the traits of green_profile_traits, with the
-- lookback date L set to the as-of date and the same thresholds and windows (a window of N days ending on L is
-- (L − N, L]). One row per account and trait; has_trait is null when the inputs cannot measure it (no such file,
-- or usage history too short), as on the Green profile page. Contacts carry no dates: roles are today's.
with accounts as (
    select account_id, licenses from stg_accounts
),

traits as (
    select position, trait, area, label from green_profile_traits
),

user_months as (
    select * from int_usage_user_months
),

-- feature_days and account_days are each read twice (a window, and the whole history's extent): "not
-- materialized" lets each read scan only the columns and rows it needs, where DuckDB would otherwise first copy
-- the whole table (19M rows at 100M usage rows): half this model's time there, 2.5 → 1.5 CPU-s, the same rows.
feature_days as not materialized (
    select * from int_usage_feature_days
),

account_days as not materialized (
    select * from int_usage_account_days
),

touches as (
    select t.account_id, t.date, t.type, t.contact_id, c.role
    from stg_touches as t
    left join stg_contacts as c using (contact_id)
    where t.date <= getvariable('as_of')  -- a touch after L was not known on L
),

catalog as (
    select feature, bool_or(sticky) as sticky from stg_features group by feature
),

sources as (
    select
        (select min(date) from account_days) as usage_from,
        (select count(*) from catalog) as catalog_features,
        (select count(distinct feature) from feature_days where date <= getvariable('as_of')) as used_features,
        exists (select 1 from catalog where sticky) as has_sticky,
        exists (select 1 from stg_contacts) as has_contacts,
        exists (select 1 from stg_touches) as has_touches,
        exists (select 1 from stg_tickets) as has_tickets,
        exists (select 1 from stg_nps) as has_nps,
        exists (select 1 from stg_milestones) as has_milestones
),

users_90 as (
    select account_id, count(distinct user_key) as active_users
    from user_months
    where active_in(days, month, getvariable('as_of') - 90, getvariable('as_of'))  -- the 90 days ending on L
    group by account_id
),

features_90 as (
    select
        f.account_id,
        count(distinct f.feature) as features_used,
        count(distinct f.feature) filter (where c.sticky) as sticky_used
    from feature_days as f
    left join catalog as c using (feature)
    where f.date > getvariable('as_of') - 90 and f.date <= getvariable('as_of')  -- the 90 days ending on L
    group by f.account_id
),

volume as (
    select
        account_id,
        sum(events) filter (where date > getvariable('as_of') - 90) as events_now,
        sum(events) filter (where date <= getvariable('as_of') - 90) as events_before
    from account_days
    where date > getvariable('as_of') - 180 and date <= getvariable('as_of')  -- these 90 days and the 90 before
    group by account_id
),

relationship as (
    select
        account_id,
        getvariable('as_of') - max(date) as days_since_touch,
        getvariable('as_of') - max(date) filter (where type = 'business_review') as days_since_review,
        getvariable('as_of') - max(date) filter (where role = 'decision_maker') as days_since_decision_maker,
        count(distinct contact_id) filter (where date > getvariable('as_of') - getvariable('single_thread_days')) as contacts_touched
    from touches
    group by account_id
),

support as (
    select account_id, count(*) as high_tickets
    from stg_tickets
    where severity in ('high', 'urgent')  -- the trait is about serious problems only
        and opened_at > getvariable('as_of') - 90 and opened_at <= getvariable('as_of')  -- the 90 days ending on L
    group by account_id
),

latest_nps as (
    -- the latest answer in the 365 days ending on L; two on that day: the lower one, so a tie never flatters
    select account_id, arg_min(score, [-epoch(responded_at), score]) as nps_score
    from stg_nps
    where responded_at > getvariable('as_of') - 365 and responded_at <= getvariable('as_of')  -- the 365 days ending on L
    group by account_id
),

first_value as (
    select m.account_id, min(m.reached_at) - any_value(a.customer_since) as days_to_first_value
    from stg_milestones as m
    join stg_accounts as a using (account_id)
    where m.stage = 'first_value' and m.reached_at <= getvariable('as_of')  -- reached by L
    group by m.account_id
),

measured as (
    select
        a.account_id,
        s.usage_from <= getvariable('as_of') - 89 as window_covered,
        s.usage_from <= getvariable('as_of') - 179 as trend_covered,
        coalesce(u.active_users, 0) / nullif(a.licenses, 0) as license_utilization,
        coalesce(fu.features_used, 0) / nullif(case when s.catalog_features > 0 then s.catalog_features else s.used_features end, 0) as feature_breadth,
        coalesce(fu.sticky_used, 0) as sticky_used,
        coalesce(v.events_now, 0) as events_now,
        coalesce(v.events_before, 0) as events_before,
        coalesce(x.has_exec_sponsor, false) as has_exec_sponsor,
        coalesce(r.contacts_touched, 0) as contacts_touched,
        r.days_since_touch,
        r.days_since_review,
        r.days_since_decision_maker,
        coalesce(t.high_tickets, 0) as high_tickets,
        n.nps_score,
        f.days_to_first_value,
        s.*
    from accounts as a
    cross join sources as s
    left join users_90 as u using (account_id)
    left join features_90 as fu using (account_id)
    left join volume as v using (account_id)
    left join int_account_contacts as x using (account_id)
    left join relationship as r using (account_id)
    left join support as t using (account_id)
    left join latest_nps as n using (account_id)
    left join first_value as f using (account_id)
),

flags as (
    -- the trait rules are written once, in the green_profile_flags macro (loaders/engine/figure-macros.ts)
    select
        account_id,
        unnest(green_profile_flags(
            m, getvariable('license_utilization'), getvariable('feature_breadth'), getvariable('usage_drop'),
            getvariable('contacts_touched'), getvariable('touched_days'), getvariable('business_review_days'),
            getvariable('decision_maker_days'), getvariable('promoter'), getvariable('detractor'), getvariable('first_value_days')
        ))
    from measured as m
),

long as (
    unpivot flags on columns(* exclude (account_id)) into name trait value has_trait
),

final as (
    -- unpivot drops nulls: every trait gets its row back, null = not measurable
    select a.account_id, t.position, t.trait, t.area, t.label, l.has_trait
    from accounts as a
    cross join traits as t
    left join long as l on l.account_id = a.account_id and l.trait = t.trait
)

select * from final
