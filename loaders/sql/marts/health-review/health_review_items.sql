-- health_review_items: the six lists of the bi-weekly health review, one row per account per list, with the
-- reasons (codes and a sentence), a suggested due date and a stable action key (so a CRM import updates rather
-- than duplicates). Lists (codes): red_no_plan, red_renewal, green_at_risk, early_warning, expansion, flip.
-- Ratios are compared to 9 decimals, so 90% utilization is 90% whatever the float rounding.
with accounts as (
    select * from health_review_accounts
),

warnings as (
    select * from relationship_early_warning
),

flips as (
    select * from health_flips
),

intervals as (
    select * from int_health_intervals
),

lines as (
    select * from stg_renewals
),

catalogue as (
    -- the products sold across the book: what an account could still buy
    select list(distinct product order by product) as products
    from lines
    where arr_before > 0 or coalesce(arr_after, 0) > 0  -- a product someone actually paid for
),

red_no_plan as (
    select
        'red_no_plan' as list,
        account_id,
        current_arr as arr,
        list_filter([
            case when days_red >= getvariable('review_red_days') and last_touch_since_red is null then 'no_touch_since_red' end,
            case when no_business_review then 'no_business_review' end
        ], x -> x is not null) as reasons,
        concat_ws(' ',
            case when days_red >= getvariable('review_red_days') and last_touch_since_red is null
                then 'Red for ' || days_red || ' days (since ' || red_since || ') with no touch since it turned red.' end,
            case when no_business_review
                then coalesce('Last business review ' || days_since_business_review || ' days ago.', 'No business review on file.') end
        ) as reason_text,
        getvariable('as_of') + getvariable('review_cycle_days') as due_by,  -- a plan by the next review
        null::integer as lead_time_days
    from accounts
    where color = 'red'  -- only red accounts need a recovery plan
        and ((days_red >= getvariable('review_red_days') and last_touch_since_red is null) or no_business_review)
),

first_red as (
    -- lead time: the first day red in the 365 days before the renewal, up to the as-of date
    select a.account_id, min(greatest(i.valid_from, a.next_renewal_date - 365)) as first_red_day
    from accounts as a
    join intervals as i
        on i.account_id = a.account_id
        and i.color = 'red'
        and i.valid_to > a.next_renewal_date - 365  -- red at some point inside the year before renewal
        and i.valid_from <= getvariable('as_of')
    group by a.account_id
),

red_renewal as (
    select
        'red_renewal' as list,
        a.account_id,
        a.current_arr as arr,
        ['renewal_due'] as reasons,
        'Red for ' || a.days_red || ' days; renewal on ' || a.next_renewal_date || ', in ' || a.days_to_renewal
            || ' days; red ' || (a.next_renewal_date - f.first_red_day) || ' days ahead of it so far.' as reason_text,
        least(getvariable('as_of') + getvariable('review_cycle_days'), a.next_renewal_date) as due_by,
        a.next_renewal_date - f.first_red_day as lead_time_days
    from accounts as a
    left join first_red as f using (account_id)
    where a.color = 'red'
        and a.days_to_renewal between 0 and getvariable('review_renewal_days')  -- renewal due in the window (both ends)
),

green_checked as (
    select
        *,
        coalesce(round(-usage_change, 9) >= round(getvariable('usage_drop'), 9), false) as usage_down
    from accounts
    where color = 'green'  -- the accounts that look fine
),

green_at_risk as (
    select
        'green_at_risk' as list,
        account_id,
        current_arr as arr,
        list_filter([
            case when single_threaded then 'single_threaded' end,
            case when no_exec_sponsor then 'no_exec_sponsor' end,
            case when usage_down then 'usage_down' end,
            case when not_touched then 'not_touched' end
        ], x -> x is not null) as reasons,
        concat_ws(' ',
            case when single_threaded then 'Single-threaded (at most one contact touched in ' || getvariable('single_thread_days') || ' days).' end,
            case when no_exec_sponsor then 'No executive sponsor.' end,
            case when usage_down then 'Usage down ' || round(-usage_change * 100)::integer || '% (last 90 days against the 90 before).' end,
            case when not_touched then 'Not touched in ' || getvariable('touched_days') || ' days' || coalesce(' (last ' || last_touch || ').', ' (never).') end
        ) as reason_text,
        getvariable('as_of') + getvariable('touched_days') as due_by,  -- touched again within the touch window
        null::integer as lead_time_days
    from green_checked
    where single_threaded or no_exec_sponsor or usage_down or not_touched
),

early_warning as (
    select
        'early_warning' as list,
        account_id,
        arg_min(arr_at_stake, renewal_date) as arr,
        list_filter([
            case when bool_or(usage_dropped) then 'usage_down' end,
            case when bool_or(low_utilization) then 'low_utilization' end
        ], x -> x is not null) as reasons,
        concat_ws(' ',
            'Renewal on ' || min(renewal_date) || ', in ' || min(days_to_renewal) || ' days.',
            case when bool_or(usage_dropped) then 'Usage down ' || round(-min(usage_change) * 100)::integer || '%.' end,
            case when bool_or(low_utilization) then 'License utilization ' || round(min(utilization) * 100)::integer || '%.' end
        ) as reason_text,
        -- act while the renewal is still early_warning_from_days away, and not before the next review
        greatest(getvariable('as_of') + getvariable('review_cycle_days'), min(renewal_date) - getvariable('early_warning_from_days')) as due_by,
        null::integer as lead_time_days
    from warnings
    where warned  -- the existing early-warning rule (Relationship page)
    group by account_id
),

breadth_cut as (
    select quantile_disc(feature_breadth, getvariable('expansion_breadth_percentile')) as p
    from accounts
    where feature_breadth is not null  -- accounts without usage data have no breadth
),

expansion_checked as (
    select
        a.*,
        list_filter(c.products, p -> not list_contains(a.products, p)) as products_missing
    from accounts as a
    cross join breadth_cut as b
    cross join catalogue as c
    where round(a.utilization, 9) >= round(getvariable('expansion_utilization'), 9)  -- seats (nearly) all used
        and round(a.feature_breadth, 9) >= round(b.p, 9)  -- broad use, against the book
        and coalesce(round(-a.usage_change, 9) < round(getvariable('usage_drop'), 9), true)  -- usage not falling by a third
        and a.open_high_tickets = 0  -- no open high/urgent ticket
        and a.color <> 'red'  -- a red account is saved first
),

expansion as (
    select
        'expansion' as list,
        account_id,
        current_arr as arr,
        list_filter([
            'seats_full',
            'broad_usage',
            case when len(products_missing) > 0 then 'cross_sell' end
        ], x -> x is not null) as reasons,
        concat_ws(' ',
            users_last_90 || ' of ' || licenses || ' seats used in 90 days (' || round(utilization * 100)::integer || '%).',
            'Uses ' || features_used || ' features (' || round(feature_breadth * 100)::integer || '% breadth).',
            case when len(products_missing) > 0 then 'Does not have: ' || array_to_string(products_missing, ', ') || '.' end
        ) as reason_text,
        -- raise it before the renewal conversation starts (lookback days ahead), not before the next review
        greatest(getvariable('as_of') + getvariable('review_cycle_days'),
            coalesce(next_renewal_date - getvariable('lookback_days'), getvariable('as_of') + getvariable('lookback_days'))) as due_by,
        null::integer as lead_time_days
    from expansion_checked
),

recent_flips as (
    select
        account_id,
        count(*) as flips,
        arg_max(from_color, first_day_to) as from_color,
        arg_max(to_color, first_day_to) as to_color,
        max(first_day_to) as first_day_to,
        arg_max(days, first_day_to) as days
    from flips
    where first_day_to > getvariable('as_of') - getvariable('review_flip_since_days')  -- recent enough to check
        and first_day_to <= getvariable('as_of')
    group by account_id
),

flip as (
    select
        'flip' as list,
        f.account_id,
        a.current_arr as arr,
        [f.from_color || '_to_' || f.to_color] as reasons,
        'Went ' || f.from_color || ' to ' || f.to_color || ' in ' || f.days || case when f.days = 1 then ' day' else ' days' end || ' (on ' || f.first_day_to || ')'
            || case when f.flips > 1 then '; ' || f.flips || ' such flips in ' || getvariable('review_flip_since_days') || ' days.' else '.' end as reason_text,
        getvariable('as_of') + getvariable('review_cycle_days') as due_by,  -- a score check by the next review
        null::integer as lead_time_days
    from recent_flips as f
    join accounts as a using (account_id)  -- active accounts only
),

listed as (
    select * from red_no_plan
    union all by name select * from red_renewal
    union all by name select * from green_at_risk
    union all by name select * from early_warning
    union all by name select * from expansion
    union all by name select * from flip
),

final as (
    select
        l.list,
        md5(l.account_id || chr(31) || l.list) as action_key,
        a.account_id,
        a.account_name,
        a.segment,
        a.region,
        a.csm,
        a.color,
        l.arr,
        a.next_renewal_date as renewal_date,
        a.days_to_renewal,
        l.reasons,
        l.reason_text,
        l.due_by,
        a.red_since,
        a.days_red,
        l.lead_time_days,
        a.last_touch,
        a.days_since_business_review,
        a.usage_change,
        a.users_last_90,
        a.licenses,
        a.utilization,
        a.features_used,
        a.feature_breadth,
        e.products_missing,
        f.from_color as flip_from,
        f.to_color as flip_to,
        f.first_day_to as flip_on,
        f.days as flip_days
    from listed as l
    join accounts as a using (account_id)
    left join expansion_checked as e on e.account_id = l.account_id and l.list = 'expansion'
    left join recent_flips as f on f.account_id = l.account_id and l.list = 'flip'
)

select * from final
