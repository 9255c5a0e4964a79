-- unique: segment, days
-- not null: days, at_risk, survival
-- accepted: survival between 0 and 1 and (lower is null or lower <= survival) and (upper is null or upper >= survival)
-- assert: survival never rises over time
select * from (
    select *, lag(survival) over (partition by segment order by days) as before from journey_retention_curves
) where survival > before + 1e-12
