-- int_account_journey_slices: each started account once per slice it belongs to, so that figures that do not add
-- up (shares of a slice, medians) can be computed for every cohort × segment filter a page offers.
-- cohort: null = all cohorts, else the start year ('2024') or quarter ('2024-Q3'); segment: null = all segments.
with journeys as (
    select * from int_account_journeys
),

cohorts as (
    select account_id, 'all' as cohort_type, null::varchar as cohort from journeys
    union all
    select account_id, 'year', start_year from journeys
    union all
    select account_id, 'quarter', start_quarter from journeys
),

segments as (
    select account_id, null::varchar as segment from journeys
    union all
    select account_id, segment from journeys
),

final as (
    select c.cohort_type, c.cohort, s.segment, c.account_id
    from cohorts as c
    join segments as s using (account_id)
)

select * from final
