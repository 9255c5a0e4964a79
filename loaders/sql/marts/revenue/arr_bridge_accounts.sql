-- arr_bridge_accounts: each account's part of the ARR bridge in each window (s, e], with its owner, so the
-- bridge of any slice is a sum of rows. An account appears in a window when it held ARR on s or on e.
with windows as (
    select * from arr_bridge_windows
),

lines as (
    select * from int_line_arr
),

owners as (
    select * from int_account_owners
),

days as (
    select distinct period_start as day from windows
    union
    select distinct period_end from windows
),

snapshots as (
    -- the ARR of every line on every day a window starts or ends
    select d.day, l.account_id, l.product, l.arr
    from days as d
    join lines as l
        on l.valid_from <= d.day
        and (l.valid_to is null or l.valid_to > d.day)  -- valid_to is the first day no longer held
),

line_pairs as (
    select "window", period_end, period_start, account_id, product, sum(arr_s) as arr_s, sum(arr_e) as arr_e
    from (
        select w."window", w.period_end, w.period_start, s.account_id, s.product, s.arr as arr_s, 0 as arr_e
        from windows as w join snapshots as s on s.day = w.period_start
        union all
        select w."window", w.period_end, w.period_start, s.account_id, s.product, 0, s.arr
        from windows as w join snapshots as s on s.day = w.period_end
    )
    group by all
),

account_pairs as (
    select
        "window",
        period_end,
        period_start,
        account_id,
        sum(arr_s) as arr_s,
        sum(arr_e) as arr_e,
        sum(greatest(arr_s - arr_e, 0)) as line_down,
        sum(case when arr_s > 0 then greatest(arr_e - arr_s, 0) else 0 end) as line_up,
        sum(case when arr_s = 0 then arr_e else 0 end) as line_added
    from line_pairs
    group by all
),

first_held as (
    select account_id, min(valid_from) as first_active from lines group by account_id
),

classified as (
    select
        p.*,
        p.arr_s > 0 as active_s,
        p.arr_e > 0 as active_e,
        f.first_active < p.period_start as active_before_s
    from account_pairs as p
    join first_held as f using (account_id)
),

final as (
    select
        c."window",
        c.period_end,
        c.period_start,
        c.account_id,
        o.segment,
        o.region,
        o.csm,
        c.active_s::integer as starting_logos,
        (c.active_s and not c.active_e)::integer as churned_logos,
        c.arr_s::decimal(18, 2) as starting_arr,
        (case when c.active_s and not c.active_e then c.arr_s else 0 end)::decimal(18, 2) as churned_arr,
        (case when c.active_s and c.active_e then c.line_down else 0 end)::decimal(18, 2) as contraction,
        (case when c.active_s and c.active_e then c.line_up else 0 end)::decimal(18, 2) as expansion,
        (case when c.active_s and c.active_e then c.line_added else 0 end)::decimal(18, 2) as cross_sell,
        (case when not c.active_s and c.active_e and not c.active_before_s then c.arr_e else 0 end)::decimal(18, 2) as new_arr,
        (case when not c.active_s and c.active_e and c.active_before_s then c.arr_e else 0 end)::decimal(18, 2) as reactivation,
        c.arr_e::decimal(18, 2) as ending_arr
    from classified as c
    join owners as o using (account_id)  -- every account holding a line has an owner row ('(none)' when its row was rejected)
)

select * from final
