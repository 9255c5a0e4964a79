-- book_by_owner: the home page's headline figures per segment, region and CSM, so its filter bar can narrow them
-- (each row adds up: book_summary's counts and sums are the totals of these rows).
with accounts as (
    select * from int_account_owners  -- '(none)' for a missing segment, region or CSM, so the filter can select it
),

status as (
    select * from int_account_status
),

events as (
    select * from int_renewal_events
),

book as (
    select
        a.segment,
        a.region,
        a.csm,
        count(*) as accounts,
        count(*) filter (where s.is_active) as active_accounts,
        coalesce(sum(s.current_arr) filter (where s.is_active), 0) as current_arr
    from accounts as a
    join status as s using (account_id)
    group by all
),

renewals as (
    select
        a.segment,
        a.region,
        a.csm,
        count(*) filter (where e.is_overdue) as overdue_renewals,
        coalesce(sum(e.arr_before) filter (where e.is_overdue), 0) as overdue_value,
        -- due in the coming 90 days and not yet settled (as in book_summary)
        count(*) filter (where not e.is_resolved and e.renewal_date between getvariable('as_of') and getvariable('as_of') + 90) as due_next_90_days,
        coalesce(sum(e.arr_before) filter (where not e.is_resolved and e.renewal_date between getvariable('as_of') and getvariable('as_of') + 90), 0) as due_next_90_days_value
    from events as e
    join accounts as a using (account_id)
    group by all
),

joined as (
    select
        b.segment,
        b.region,
        b.csm,
        b.accounts,
        b.active_accounts,
        b.current_arr,
        coalesce(r.overdue_renewals, 0) as overdue_renewals,
        coalesce(r.overdue_value, 0) as overdue_value,
        coalesce(r.due_next_90_days, 0) as due_next_90_days,
        coalesce(r.due_next_90_days_value, 0) as due_next_90_days_value
    from book as b
    left join renewals as r
        on b.segment = r.segment
        and b.region = r.region
        and b.csm = r.csm
)

select * from joined order by segment, region, csm
