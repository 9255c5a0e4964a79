-- unique: renewal_id
-- not null: renewal_id, account_id, renewal_date, lost_arr
-- assert: one panel per fully lost renewal
select renewal_id from int_lost_renewals where renewal_id not in (select renewal_id from loss_review_renewals)
