-- int_subscription_renewals: renewal events derived from the billing record (docs/contract.md § subscriptions),
-- in the shape of stg_renewals, so every page that reads renewal events works on a subscription book unchanged.
-- An event is one account on one day where a line's term ends (a row's end_date). Its lines: every product with a
-- row ending that day (arr_before = the line's ARR the day before, arr_after = its ARR on the day: overlapping rows
-- add up; 0 = removed), and every product whose first row starts that day (a cross-sell, arr_before = 0).
-- resolved_date is the same day once it is on or before the as-of date; until then the event is open (no outcome).
with subs as (
    select * from stg_subscriptions
    where arr > 0  -- a free row bills nothing: no revenue to renew or lose
),

term_ends as (
    select distinct account_id, product, end_date as day
    from subs
    where end_date is not null  -- an open row has no term end yet
),

event_days as (
    select distinct account_id, day from term_ends
),

first_rows as (
    select account_id, product, min(start_date) as first_start
    from subs
    group by account_id, product
),

cross_sells as (
    select f.account_id, f.product, f.first_start as day
    from first_rows as f
    join event_days as e
        on e.account_id = f.account_id
        and e.day = f.first_start  -- a product first billed at another line's term end joins that event
),

event_lines as (
    select * from term_ends
    union
    select * from cross_sells
),

line_arr as (
    select * from int_line_arr  -- each line's ARR as intervals: a monthly plan is one interval until its value changes
),

line_values as (
    -- the ARR of every product of an event's account the day before and on the day
    select
        e.account_id,
        l.product,
        e.day,
        coalesce(sum(l.arr) filter (where l.valid_from < e.day), 0) as arr_before,
        coalesce(sum(l.arr) filter (where l.valid_to is null or l.valid_to > e.day), 0) as arr_after
    from event_days as e
    join line_arr as l
        on l.account_id = e.account_id
        and l.valid_from <= e.day
        and (l.valid_to is null or l.valid_to >= e.day)  -- intervals holding the day before or the day
    group by e.account_id, l.product, e.day
),

reasons as (
    select account_id, product, end_date as day, string_agg(distinct churn_reason, '; ' order by churn_reason) as loss_reason
    from subs
    where churn_reason is not null  -- the loss code of the rows whose term ends that day
    group by account_id, product, end_date
),

event_after as (
    select l.account_id, l.day, sum(v.arr_after) as after
    from event_lines as l
    join line_values as v using (account_id, product, day)
    group by l.account_id, l.day
),

carried as (
    -- an event whose own lines all ended, while the account still bills other lines that day, is a partial
    -- loss, not a lost account: those other lines join it (an account is lost only when every line ended)
    select v.account_id, v.product, v.day
    from line_values as v
    join event_after as a using (account_id, day)
    where a.after = 0
        and v.arr_after > 0
),

lines as (
    select v.*, r.loss_reason
    from (select * from event_lines union select * from carried) as l
    join line_values as v using (account_id, product, day)
    left join reasons as r using (account_id, product, day)
),

final as (
    select
        account_id || ' @ ' || strftime(day, '%Y-%m-%d') as renewal_id,
        account_id,
        day as renewal_date,
        case when day <= getvariable('as_of') then day end as resolved_date,  -- a term ending later is not settled yet
        product,
        arr_before::decimal(18, 2) as arr_before,
        case when day <= getvariable('as_of') then arr_after end::decimal(18, 2) as arr_after,
        case when day <= getvariable('as_of') then loss_reason end as loss_reason
    from lines
)

select * from final
