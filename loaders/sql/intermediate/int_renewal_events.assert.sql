-- unique: renewal_id
-- not null: renewal_id, account_id, renewal_date, arr_before, is_resolved, is_churned
-- accepted: not is_churned or is_resolved
-- assert: the waterfall adds up per event: retained + upsell + cross_sell = ending, resolved = retained + losses
select * from int_renewal_events
where is_resolved
    and (abs(retained + upsell + cross_sell - ending) > 0.005
        or abs(resolved_value - retained - full_loss - partial_loss) > 0.005)
