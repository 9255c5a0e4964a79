-- risk_book_counts: the pie as the dashboard showed it on the first day d of each quarter (accounts active on d
-- and their color on d), with the renewals of those accounts due in [d, d + 365) and how they ended.
-- Additive counts per quarter start, account group and color on d.
with accounts as (
    select * from stg_accounts
),

groups as (
    select * from int_account_groups
),

status as (
    select * from int_account_status
),

events as (
    select * from int_renewal_events
),

intervals as (
    select * from int_health_intervals
),

quarter_starts as (
    select unnest(generate_series(
        date_trunc('quarter', (select min(customer_since) from accounts))::date,
        getvariable('as_of'),
        interval 3 month
    ))::date as quarter_start
),

active as (
    select q.quarter_start, a.account_id, g.group_id
    from quarter_starts as q
    join accounts as a
        on a.customer_since <= q.quarter_start  -- a customer by then
    join groups as g using (account_id)
    join status as s using (account_id)
    where s.lost_on is null or s.lost_on >= q.quarter_start  -- fully lost at a renewal settled before d: out of the book
),

in_force as (
    -- the contract running on d is the earliest renewal not yet settled on d; failing that, the last settled one
    select
        a.quarter_start,
        a.account_id,
        coalesce(
            arg_min(e.arr_before, e.renewal_date) filter (where not (e.is_resolved and e.resolved_date < a.quarter_start)),
            arg_max(e.arr_after, e.renewal_date) filter (where e.is_resolved and e.resolved_date < a.quarter_start),
            0
        )::decimal(18, 2) as arr
    from active as a
    left join events as e using (account_id)
    group by a.quarter_start, a.account_id
),

colored as (
    -- point in time: the snapshot in force on d
    select
        a.*,
        f.arr,
        coalesce(i.color, 'unscored') as color
    from active as a
    join in_force as f using (quarter_start, account_id)
    left join intervals as i
        on i.account_id = a.account_id
        and a.quarter_start >= i.valid_from
        and a.quarter_start < i.valid_to
),

followed as (
    select
        c.quarter_start,
        c.account_id,
        count(*) filter (where e.is_resolved) as events,
        count(*) filter (where e.is_churned) as churned,
        coalesce(sum(e.arr_before) filter (where e.is_resolved), 0) as resolved_arr,
        coalesce(sum(e.full_loss + e.partial_loss), 0) as lost_arr,
        count(*) filter (where not e.is_resolved) as unresolved
    from colored as c
    join events as e
        on e.account_id = c.account_id
        and e.renewal_date >= c.quarter_start
        and e.renewal_date < c.quarter_start + 365  -- due in the year that followed d
    group by c.quarter_start, c.account_id
),

final as (
    select
        c.quarter_start,
        c.group_id,
        c.color,
        count(*) as accounts,
        sum(c.arr)::decimal(18, 2) as arr,
        coalesce(sum(f.events), 0) as events,
        coalesce(sum(f.churned), 0) as churned,
        coalesce(sum(f.resolved_arr), 0)::decimal(18, 2) as resolved_arr,
        coalesce(sum(f.lost_arr), 0)::decimal(18, 2) as lost_arr,
        coalesce(sum(f.unresolved), 0) as unresolved
    from colored as c
    left join followed as f using (quarter_start, account_id)
    group by all
)

select * from final
