-- journey_cohort_retention: for each start quarter, logo and revenue retention m months after customer_since,
-- as additive sums per start quarter × segment × m. Month m of an account is the date customer_since + m months;
-- it is counted only once that date is on or before the as-of date (later months are not known yet).
with journeys as (
    select * from int_account_journeys
),

events as (
    select * from int_renewal_events
),

cohort_sizes as (
    select start_quarter, segment, count(*) as cohort_accounts
    from journeys
    group by all
),

horizon as (
    select unnest(range(0, (
        select max(date_diff('month', customer_since, getvariable('as_of'))) + 1 from journeys
    )))::integer as months
),

observed as (
    select
        j.account_id,
        j.start_quarter,
        j.segment,
        j.lost_on,
        h.months,
        (j.customer_since + to_months(h.months))::date as on_date
    from journeys as j
    cross join horizon as h
    where (j.customer_since + to_months(h.months))::date <= getvariable('as_of')  -- month m not over yet: unknown
),

valued as (
    -- as on the Risk page: active on d unless fully lost at a renewal settled before d; the contract running on d
    -- is the earliest renewal not settled before d, else the last settled one
    select
        o.account_id,
        o.start_quarter,
        o.segment,
        o.months,
        o.lost_on is null or o.lost_on >= o.on_date as is_active,
        case
            when o.lost_on < o.on_date then 0
            else coalesce(
                arg_min(e.arr_before, e.renewal_date) filter (where not (e.is_resolved and e.resolved_date < o.on_date)),
                arg_max(e.arr_after, e.renewal_date) filter (where e.is_resolved and e.resolved_date < o.on_date),
                0
            )
        end::decimal(18, 2) as value
    from observed as o
    left join events as e using (account_id)
    group by o.account_id, o.start_quarter, o.segment, o.months, o.lost_on, o.on_date
),

with_start as (
    select v.*, s.value as start_value
    from valued as v
    join valued as s
        on s.account_id = v.account_id
        and s.months = 0  -- the contract value the account started with
),

final as (
    select
        w.start_quarter,
        w.segment,
        w.months,
        c.cohort_accounts,
        count(*) as observed,
        count(*) filter (where w.is_active) as active,
        sum(w.start_value)::decimal(18, 2) as start_value,
        sum(w.value)::decimal(18, 2) as value,
        sum(least(w.value, w.start_value))::decimal(18, 2) as kept_value
    from with_start as w
    join cohort_sizes as c using (start_quarter, segment)
    group by all
)

select * from final
