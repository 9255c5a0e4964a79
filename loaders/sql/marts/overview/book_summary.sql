-- book_summary: the book on the as-of date, one row, for the home page's headline figures.
with accounts as (
    select * from stg_accounts
),

status as (
    select * from int_account_status
),

events as (
    select * from int_renewal_events
),

book as (
    select
        count(*) as accounts,
        count(*) filter (where s.is_active) as active_accounts,
        coalesce(sum(s.current_arr) filter (where s.is_active), 0) as current_arr,
        count(distinct a.csm) as csms,
        count(distinct a.segment) as segments
    from accounts as a
    join status as s using (account_id)
),

renewals as (
    select
        count(*) filter (where is_overdue) as overdue_renewals,
        coalesce(sum(arr_before) filter (where is_overdue), 0) as overdue_value,
        -- due in the coming 90 days and not yet settled
        count(*) filter (where not is_resolved and renewal_date between getvariable('as_of') and getvariable('as_of') + 90) as due_next_90_days,
        coalesce(sum(arr_before) filter (where not is_resolved and renewal_date between getvariable('as_of') and getvariable('as_of') + 90), 0) as due_next_90_days_value
    from events
)

select * from book cross join renewals
