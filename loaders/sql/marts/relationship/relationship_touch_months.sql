-- relationship_touch_months: where the team's time goes. Touches counted per CSM who made them, calendar month,
-- touch type and kind of work. The kind of work is a convention (the touch type alone cannot say why a call was
-- made), applied in this order:
--   relationship: business_review, meeting, onsite (time spent building the relationship);
--   risk:         a call or email to an account that was red on the day of the touch;
--   revenue:      a call or email to an account with a renewal due in the 90 days from the touch (and not
--                 settled before it);
--   routine:      every other call, email and 'other' touch.
with touches as (
    select * from stg_touches
),

accounts as (
    select * from stg_accounts
),

intervals as (
    select * from int_health_intervals
),

events as (
    select * from int_renewal_events
),

known as (
    select
        row_number() over (order by t.account_id, t.date, t.type, t.contact_id, t.csm) as touch_key,
        t.account_id,
        t.date,
        t.type,
        coalesce(t.csm, a.csm) as csm  -- a touch without its author is counted for the account's owner
    from touches as t
    left join accounts as a using (account_id)
    where t.date <= getvariable('as_of')  -- an as-of date set in the past must not see later touches
),

red_then as (
    select distinct k.touch_key
    from known as k
    join intervals as i
        on i.account_id = k.account_id
        and i.color = 'red'
        and k.date >= i.valid_from  -- red on the day of the touch
        and k.date < i.valid_to
    where k.type in ('call', 'email')  -- only these are classified by context
),

renewal_near as (
    select distinct k.touch_key
    from known as k
    join events as e
        on e.account_id = k.account_id
        and e.renewal_date between k.date and k.date + 90  -- a renewal coming up within 90 days
        and (e.resolved_date is null or e.resolved_date >= k.date)  -- and not already settled
    where k.type in ('call', 'email')
),

classified as (
    select
        k.*,
        case
            when k.type in ('business_review', 'meeting', 'onsite') then 'relationship'
            when k.type in ('call', 'email') and r.touch_key is not null then 'risk'
            when k.type in ('call', 'email') and n.touch_key is not null then 'revenue'
            else 'routine'
        end as work
    from known as k
    left join red_then as r using (touch_key)
    left join renewal_near as n using (touch_key)
),

final as (
    select
        csm,
        strftime(date, '%Y-%m') as month,
        type,
        work,
        count(*) as touches
    from classified
    group by all
)

select * from final
