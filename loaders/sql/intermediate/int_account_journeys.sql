-- int_account_journeys: each account that is a customer by the as-of date, with the first date it reached each
-- lifecycle stage, its start cohort, its time to first value and the stage it sits in now.
-- Stages are read as the file gives them: a stage left out of the file is not inferred from a later one.
with accounts as (
    select * from stg_accounts
),

owners as (
    select * from int_account_owners
),

milestones as (
    select * from stg_milestones
),

status as (
    select * from int_account_status
),

reached as (
    select
        account_id,
        min(reached_at) filter (where stage = 'onboarded') as onboarded_at,
        min(reached_at) filter (where stage = 'adopted') as adopted_at,
        min(reached_at) filter (where stage = 'first_value') as first_value_at,
        min(reached_at) filter (where stage = 'expanded') as expanded_at,
        min(reached_at) filter (where stage = 'renewed') as renewed_at,
        min(reached_at) filter (where stage = 'advocate') as advocate_at
    from milestones
    where reached_at <= getvariable('as_of')  -- a stage dated after the as-of date is not reached yet
    group by account_id
),

started as (
    select
        a.account_id,
        a.account_name,
        o.segment,
        o.region,
        o.csm,
        a.customer_since,
        year(a.customer_since)::varchar as start_year,
        year(a.customer_since) || '-Q' || quarter(a.customer_since) as start_quarter,
        s.is_active,
        s.lost_on,
        s.current_arr,
        s.next_renewal_date,
        r.* exclude (account_id)
    from accounts as a
    join owners as o using (account_id)
    join status as s using (account_id)
    left join reached as r using (account_id)
    where a.customer_since <= getvariable('as_of')  -- not a customer yet on the as-of date
),

timed as (
    select
        *,
        date_diff('day', customer_since, first_value_at) as first_value_days,
        -- the furthest stage reached; before onboarding the account sits at 'not_onboarded' since customer_since
        case
            when advocate_at is not null then 'advocate'
            when renewed_at is not null then 'renewed'
            when expanded_at is not null then 'expanded'
            when first_value_at is not null then 'first_value'
            when adopted_at is not null then 'adopted'
            when onboarded_at is not null then 'onboarded'
            else 'not_onboarded'
        end as current_stage,
        coalesce(advocate_at, renewed_at, expanded_at, first_value_at, adopted_at, onboarded_at, customer_since) as current_stage_since
    from started
),

final as (
    select
        *,
        case
            when first_value_days <= getvariable('first_value_days') then 'fast'
            when first_value_days is not null then 'slow'
            when date_diff('day', customer_since, getvariable('as_of')) > getvariable('first_value_days') then 'none'
            else 'pending'  -- no first value yet, but the window for a fast one is still open
        end as first_value_class,
        date_diff('day', current_stage_since, getvariable('as_of')) as days_in_stage,
        -- stalled: still a customer, not at the last stage, and in its stage longer than the threshold
        is_active
            and current_stage <> 'advocate'
            and date_diff('day', current_stage_since, getvariable('as_of')) > getvariable('stalled_stage_days') as is_stalled
    from timed
)

select * from final
