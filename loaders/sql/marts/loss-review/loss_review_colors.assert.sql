-- unique: renewal_id, day_from
-- not null: renewal_id, color, day_from, day_to
-- accepted: day_from < day_to and days = day_to - day_from
-- assert: each lost renewal's color spans cover exactly the 365 days before its renewal date
select renewal_id, sum(days) as covered from loss_review_colors group by renewal_id having sum(days) <> 365
