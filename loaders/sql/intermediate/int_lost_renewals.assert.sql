-- unique: renewal_id
-- not null: renewal_id, account_id, segment, region, renewal_date, window_start
-- assert: every fully lost resolved event is in the loss review, and nothing else
select renewal_id from int_renewal_events where is_churned
    and renewal_id not in (select renewal_id from int_lost_renewals)
union all
select renewal_id from int_lost_renewals
    where renewal_id not in (select renewal_id from int_renewal_events where is_churned)
