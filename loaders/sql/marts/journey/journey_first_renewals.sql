-- journey_first_renewals: each account's first renewal event (earliest renewal_date) and how it ended, summed per
-- start quarter × segment × first value class, to compare retention after a fast or a slow first value.
with journeys as (
    select * from int_account_journeys
),

events as (
    select * from int_renewal_events
),

first_events as (
    select account_id, renewal_id
    from events
    qualify row_number() over (partition by account_id order by renewal_date, renewal_id) = 1  -- the first renewal only
),

firsts as (
    select j.start_quarter, j.segment, j.first_value_class, e.*
    from journeys as j
    left join first_events as f using (account_id)  -- an account without renewals still counts in `accounts`
    left join events as e using (renewal_id)
),

final as (
    select
        start_quarter,
        segment,
        first_value_class,
        count(*) as accounts,
        count(*) filter (where is_resolved) as resolved_events,
        count(*) filter (where is_churned) as churned_events,
        coalesce(sum(resolved_value), 0)::decimal(18, 2) as resolved,
        coalesce(sum(retained), 0)::decimal(18, 2) as retained,
        coalesce(sum(ending) filter (where is_resolved), 0)::decimal(18, 2) as ending
    from firsts
    group by all
)

select * from final
