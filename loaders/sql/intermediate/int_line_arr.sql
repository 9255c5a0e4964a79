-- int_line_arr: the ARR of every account's product line on any day (docs/metrics.md § Revenue on an account basis),
-- as intervals [valid_from, valid_to) of constant ARR > 0 (valid_to null = still running), from either shape of
-- the revenue record. The ARR of a line on day d is the arr of the interval holding d, and 0 when none does.
--   subscriptions: Σ arr of the rows with start_date ≤ d < end_date (overlapping rows add up);
--   renewals: the arr_after of the line's latest event (by renewal_date) resolved on or before d with
--   renewal_date ≤ d; before its first event, that event's arr_before, from customer_since.
with subs as (
    select * from stg_subscriptions
),

renewal_lines as (
    select * from stg_renewals  -- the renewals file; events derived from a billing record are not read: its rows are
),

accounts as (
    select * from stg_accounts
),

-- subscriptions: +arr on each start, −arr on each end; the running sum is the line's ARR from that day on
sub_deltas as (
    select account_id, product, start_date as day, arr as delta from subs
    union all
    select account_id, product, end_date as day, -arr as delta from subs
    where end_date is not null  -- an open row never stops adding
),

sub_days as (
    select account_id, product, day, sum(delta) as delta
    from sub_deltas
    group by account_id, product, day
),

sub_steps as (
    select
        account_id,
        product,
        day,
        sum(delta) over (partition by account_id, product order by day rows unbounded preceding) as arr
    from sub_days
),

-- renewals: each line's value before its first event, then every resolved event's arr_after from the day it
-- is both due and settled; the value on a day is the one of the latest event (by renewal_date) known by then
first_events as (
    select account_id, product, arg_min(arr_before, renewal_date) as arr_before
    from renewal_lines
    group by account_id, product
),

renewal_changes as (
    select f.account_id, f.product, a.customer_since as day, null::date as renewal_date, f.arr_before as arr
    from first_events as f
    join accounts as a using (account_id)
    where a.customer_since is not null  -- an account without a start has no ARR before its first event
    union all
    select account_id, product, greatest(renewal_date, resolved_date) as day, renewal_date, arr_after as arr
    from renewal_lines
    where resolved_date <= getvariable('as_of')  -- an outcome settled after the as-of date is not known yet
),

renewal_steps as (
    select distinct
        account_id,
        product,
        day,
        -- the latest event by renewal_date among those in effect; the opening value (renewal_date null) sorts first
        arg_max(arr, coalesce(renewal_date, date '0001-01-01')) over (
            partition by account_id, product order by day range between unbounded preceding and current row
        ) as arr
    from renewal_changes
),

steps as (
    select * from sub_steps
    union all
    select * from renewal_steps
),

changes as (
    -- a monthly plan bills a new row every month at the same value: keep only the days the value changes
    select *
    from (
        select *, lag(arr) over (partition by account_id, product order by day) as previous
        from steps
    )
    where previous is distinct from arr  -- the first step, and every change
),

intervals as (
    select
        account_id,
        product,
        day as valid_from,
        lead(day) over (partition by account_id, product order by day) as valid_to,
        arr::decimal(18, 2) as arr
    from changes
),

final as (
    select * from intervals
    where arr > 0  -- a line at 0 is not held: no interval
)

select * from final
