-- overdue_renewals: renewal events past their renewal_date and still unresolved on the as-of date: the
-- contract value the team has not settled yet.
with events as (
    select * from int_renewal_events_owned
    where is_overdue  -- unresolved with renewal_date before the as-of date
),

final as (
    select
        renewal_id,
        account_id,
        account_name,
        segment,
        region,
        csm,
        renewal_date,
        renewal_year::varchar as renewal_year,
        renewal_quarter,
        getvariable('as_of') - renewal_date as days_overdue,
        lines,
        arr_before as value
    from events
)

select * from final
