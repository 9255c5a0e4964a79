-- unique: window, period_end, dimension, dimension_value
-- not null: window, period_end, dimension, dimension_value, starting_logos, starting_arr, ending_arr
-- accepted: dimension in ('all', 'segment', 'region', 'csm')
-- accepted: abs(starting_arr - churned_arr - contraction + expansion + cross_sell + new_arr + reactivation - ending_arr) < 0.005
-- accepted: churned_logos <= starting_logos
-- accepted: (starting_logos = 0) = (logo_churn_rate is null)
-- assert: each dimension's slices add up to the whole book in every window
select w."window", w.period_end, d.dimension
from arr_bridge as w
join (select "window", period_end, dimension, sum(starting_arr) as starting, sum(ending_arr) as ending
      from arr_bridge where dimension <> 'all' group by all) as d using ("window", period_end)
where w.dimension = 'all' and (abs(w.starting_arr - d.starting) > 0.005 or abs(w.ending_arr - d.ending) > 0.005)
