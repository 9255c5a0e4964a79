-- unique: account_id, type, csm
-- not null: account_id, type, touches, last_12_months, last_month
-- accepted: touches >= last_12_months and last_12_months >= 0
-- assert: the same touches as the months' columns
select * from (select (select coalesce(sum(touches), 0) from account_touch_people) as by_people,
    (select coalesce(sum(business_reviews + meetings + onsites + calls + emails + other_touches), 0) from account_touch_months) as by_month)
where by_people <> by_month
