-- unique: account_id, month
-- not null: account_id, month, business_reviews, meetings, onsites, calls, emails, other_touches
-- assert: every touch up to the as-of date is in one month's columns (a type outside the six would be lost)
select * from (select (select count(*) from stg_touches where date <= getvariable('as_of')) as touches,
    (select coalesce(sum(business_reviews + meetings + onsites + calls + emails + other_touches), 0) from account_touch_months) as counted)
where touches <> counted
