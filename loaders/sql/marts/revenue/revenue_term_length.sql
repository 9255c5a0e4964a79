-- revenue_term_length: the median term of the revenue record (docs/metrics.md § Term warning). Under 300 days the
-- cohort rates are per term, not per year, and the Revenue page leads with the account basis.
-- subscriptions: a row's term is end_date − start_date; renewals: a resolved event's term is the days since the
-- account's previous renewal_date (or customer_since for its first).
with subs as (
    select * from stg_subscriptions
),

events as (
    select * from int_renewal_events
),

accounts as (
    select * from stg_accounts
),

sub_terms as (
    select 'subscription rows' as basis, date_diff('day', start_date, end_date) as days
    from subs
    where end_date is not null  -- an open row has no term length yet
),

event_terms as (
    select
        'resolved renewal events' as basis,
        date_diff('day', coalesce(lag(e.renewal_date) over (partition by e.account_id order by e.renewal_date), a.customer_since), e.renewal_date) as days,
        e.is_resolved
    from events as e
    left join accounts as a using (account_id)
),

terms as (
    select * from sub_terms
    union all
    select basis, days from event_terms
    where is_resolved
        and days > 0  -- a first renewal with no known start says nothing about the term
        and not exists (select 1 from subs)  -- with a billing record, its rows are the terms
),

final as (
    select
        coalesce(any_value(basis), 'resolved renewal events') as basis,
        count(*) as terms,
        median(days)::double as median_term_days
    from terms
)

select * from final
