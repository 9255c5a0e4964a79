-- unique: renewal_id
-- not null: renewal_id, segment, region, csm
-- assert: no event is lost or gained by joining owners
select * from (select (select count(*) from int_renewal_events) as events, (select count(*) from int_renewal_events_owned) as owned)
where events <> owned
