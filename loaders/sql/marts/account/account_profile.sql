-- account_profile: one row per account on the as-of date: who it is, whether it is still a customer, its current
-- contract value, today's health color and latest score, and the five hygiene checks of the Relationship page.
with accounts as (
    select * from stg_accounts
),

status as (
    select * from int_account_status
),

intervals as (
    select * from int_health_intervals
),

snapshots as (
    select * from stg_health
),

hygiene as (
    select * from relationship_accounts
),

ticket_counts as (
    select account_id, count(*) as tickets_total
    from stg_tickets
    where opened_at <= getvariable('as_of')  -- a ticket opened later did not exist yet
    group by account_id
),

today_color as (
    select account_id, color
    from intervals
    where getvariable('as_of') >= valid_from and getvariable('as_of') < valid_to  -- the color in force on the as-of date
),

latest_score as (
    select account_id, arg_max(score, as_of) as score, max(as_of) as scored_on
    from snapshots
    where as_of <= getvariable('as_of')  -- a snapshot taken after the as-of date was not known on it
        and score is not null  -- a snapshot without a score says nothing about the score
    group by account_id
),

final as (
    select
        a.account_id,
        a.account_name,
        coalesce(a.segment, '(none)') as segment,
        coalesce(a.region, '(none)') as region,
        a.industry,
        a.csm,
        a.customer_since,
        a.licenses,
        coalesce(s.is_active, false) as is_active,
        s.lost_on,
        coalesce(s.current_arr, 0)::double as current_arr,
        s.next_renewal_date,
        coalesce(c.color, 'unscored') as color,
        l.score::double as score,
        l.scored_on,
        h.last_touch,
        h.last_business_review,
        h.checks_failed,
        h.not_touched,
        h.no_business_review,
        h.single_threaded,
        h.no_exec_sponsor,
        h.no_decision_maker,
        coalesce(t.tickets_total, 0) as tickets_total
    from accounts as a
    left join status as s using (account_id)
    left join today_color as c using (account_id)
    left join latest_score as l using (account_id)
    left join hygiene as h using (account_id)  -- hygiene is checked on active accounts only
    left join ticket_counts as t using (account_id)
)

select * from final
