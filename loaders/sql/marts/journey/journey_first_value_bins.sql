-- journey_first_value_bins: the distribution of time to first value (days from customer_since to the first
-- 'first_value' milestone), as additive counts per start quarter × segment × fast/slow × 15-day bin.
with journeys as (
    select * from int_account_journeys
    where first_value_days is not null  -- only accounts that reached first value have a time to it
),

binned as (
    select
        start_quarter,
        segment,
        first_value_class,
        -- 15-day bins; a first value dated before customer_since falls in the first, and 360 days or more in the last
        least(greatest(floor(first_value_days / 15)::integer * 15, 0), 360) as bin_start
    from journeys
),

final as (
    select start_quarter, segment, first_value_class, bin_start, count(*) as accounts
    from binned
    group by all
)

select * from final
