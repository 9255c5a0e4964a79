-- loss_review_colors: the health color timeline of each lost renewal over the year before its renewal date:
-- the spans [day_from, day_to) of each color, clipped to [renewal_date − 365, renewal_date). Days before the
-- account's first snapshot are an 'unscored' span, so the spans always cover the whole year; consecutive
-- snapshots of one color make one span.
with lost as (
    select * from int_lost_renewals
),

intervals as (
    select * from int_health_intervals
),

scored as (
    select
        l.renewal_id,
        i.color,
        greatest(i.valid_from, l.window_start) as day_from,
        least(i.valid_to, l.renewal_date) as day_to
    from lost as l
    join intervals as i
        on i.account_id = l.account_id
        and i.valid_from < l.renewal_date  -- overlaps the year before renewal
        and i.valid_to > l.window_start
),

first_snapshot as (
    select account_id, min(valid_from) as first_day
    from intervals
    group by account_id
),

unscored as (
    select
        l.renewal_id,
        'unscored' as color,
        l.window_start as day_from,
        least(coalesce(f.first_day, l.renewal_date), l.renewal_date) as day_to
    from lost as l
    left join first_snapshot as f using (account_id)
    where coalesce(f.first_day, l.renewal_date) > l.window_start  -- some of the year had no score yet
),

spans as (
    select renewal_id, color, day_from, day_to from scored
    union all
    select renewal_id, color, day_from, day_to from unscored
),

marked as (
    -- snapshots that repeat a color continue the span before them
    select
        *,
        case
            when color = lag(color) over w and day_from = lag(day_to) over w then 0
            else 1
        end as starts_span
    from spans
    window w as (partition by renewal_id order by day_from)
),

numbered as (
    select *, sum(starts_span) over (partition by renewal_id order by day_from rows unbounded preceding) as span_no
    from marked
),

final as (
    select
        renewal_id,
        any_value(color) as color,
        min(day_from) as day_from,
        max(day_to) as day_to,
        max(day_to) - min(day_from) as days
    from numbered
    group by renewal_id, span_no
)

select * from final
