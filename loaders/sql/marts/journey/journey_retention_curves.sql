-- journey_retention_curves: Kaplan–Meier logo retention since customer_since, for the whole book (segment null)
-- and per segment. Time is days from customer_since. Event: the account was fully lost, at lost_on (the
-- resolved_date of its first fully lost renewal). Censored: every other account, at the as-of date, since a loss
-- only happens at a renewal settled on or before the as-of date, so an account not lost was still a customer then.
-- An account not yet up for renewal is therefore censored at its age, never counted as retained beyond it.
with journeys as (
    select * from int_account_journeys
),

subjects as (
    select
        segment,
        -- a loss dated before customer_since (inconsistent input) counts at day 0
        greatest(date_diff('day', customer_since, coalesce(lost_on, getvariable('as_of'))), 0) as days,
        lost_on is not null as is_lost
    from journeys
),

curves as (
    select null::varchar as segment, days, is_lost from subjects
    union all
    select segment, days, is_lost from subjects
),

times as (
    select
        segment,
        days,
        count(*) filter (where is_lost) as events,
        count(*) filter (where not is_lost) as censored
    from curves
    group by all
),

at_risk as (
    -- accounts still followed at day t: those whose event or censoring is at t or later
    select
        *,
        sum(events + censored) over (partition by segment order by days desc rows unbounded preceding) as at_risk
    from times
),

steps as (
    select
        *,
        product(1 - events / at_risk) over w as survival,
        -- Greenwood's sum; undefined once every account at risk is lost (survival 0)
        sum(case when at_risk > events then events / (at_risk * (at_risk - events)) else 0 end) over w as greenwood,
        bool_or(at_risk = events) over w as exhausted
    from at_risk
    window w as (partition by segment order by days rows unbounded preceding)
),

final as (
    select
        segment,
        days,
        at_risk::bigint as at_risk,
        events,
        censored,
        survival,
        case when not exhausted then survival * sqrt(greenwood) end as std_err,
        -- log-log 95% interval: stays within [0, 1]; undefined while survival is 1 or once it is 0
        case when not exhausted and survival < 1 then
            exp(-exp(ln(-ln(survival)) + getvariable('z95')::double * sqrt(greenwood) / abs(ln(survival))))
        end as lower,
        case when not exhausted and survival < 1 then
            exp(-exp(ln(-ln(survival)) - getvariable('z95')::double * sqrt(greenwood) / abs(ln(survival))))
        end as upper
    from steps
)

select * from final
