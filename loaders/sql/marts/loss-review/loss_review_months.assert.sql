-- unique: renewal_id, month
-- not null: renewal_id, month, days
-- assert: each lost renewal's months hold the 365 days before its renewal date, up to the as-of date
select m.renewal_id, sum(m.days) as covered
from loss_review_months as m
join int_lost_renewals as l using (renewal_id)
group by m.renewal_id, l.renewal_date
having sum(m.days) <> least(l.renewal_date, getvariable('as_of') + 1) - (l.renewal_date - 365)
