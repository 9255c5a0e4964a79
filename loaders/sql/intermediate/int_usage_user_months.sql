-- int_usage_user_months: one row per account, user and calendar month with any activity: the days the user was
-- active in it, as bits (day d of the month is bit d − 1). Every count of distinct active users reads it: over a
-- window of days through the active_in macro (loaders/engine/figure-macros.ts), per month by counting rows.
-- Events are counted on the per-feature-day and per-account-day grains.
-- Usage is the large table: every trait and page reads these pre-aggregates, never stg_usage itself.
-- A user is kept as user_key = hash(user_id), a 64-bit integer, not as text: every reader only counts distinct
-- users, and grouping and storing the integer takes half the time of the text. One row per month, not per day:
-- the same cost to build, 35M rows instead of 59.5M on a 100M-row book, and each month's users a plain count
-- (docs/decisions.md, "The user grain"). Two users of one account could share a key with a chance of about
-- n² / 2^65 for n users (below 1 in 10^10 on a 20,000-account book); the assertion beside this model checks on
-- the books the tests use that the keys count exactly the users, and the bits exactly the user-days, the text does.
with usage as (
    select * from stg_usage
),

final as (
    select
        account_id,
        hash(user_id) as user_key,
        date_trunc('month', date)::date as month,
        bit_or(1 << (day(date) - 1)) as days
    from usage
    group by account_id, user_key, month
)

select * from final
