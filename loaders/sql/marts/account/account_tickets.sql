-- account_tickets: support tickets opened in the 365 days ending on the as-of date, and older ones still open on
-- it: what an account review looks at. Older closed tickets are counted in account_profile (tickets_total), not
-- listed, so an account's shard stays small however long its history.
with tickets as (
    select * from stg_tickets
),

final as (
    select
        account_id,
        ticket_id,
        opened_at,
        case when closed_at <= getvariable('as_of') then closed_at end as closed_at,  -- closed later: still open on the as-of date
        severity,
        coalesce(least(closed_at, getvariable('as_of')), getvariable('as_of')) - opened_at as days_open
    from tickets
    where opened_at <= getvariable('as_of')  -- a ticket opened later did not exist yet
        and (opened_at > getvariable('as_of') - 365 or closed_at is null or closed_at > getvariable('as_of'))  -- recent, or still open
)

select * from final
