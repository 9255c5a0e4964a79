-- account_tickets: every support ticket opened up to the as-of date, with whether it was still open on it.
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
)

select * from final
