-- journey_funnel: per cohort × segment slice and lifecycle stage, the share of accounts that reached the stage and
-- the median days it took from the stage before (from customer_since for 'onboarded').
with journeys as (
    select * from int_account_journeys
),

slices as (
    select * from int_account_journey_slices
),

stages as (
    select * from (values
        (1, 'onboarded'), (2, 'adopted'), (3, 'first_value'), (4, 'expanded'), (5, 'renewed'), (6, 'advocate')
    ) as t(stage_order, stage)
),

account_stages as (
    select
        sl.cohort_type,
        sl.cohort,
        sl.segment,
        st.stage_order,
        st.stage,
        case st.stage
            when 'onboarded' then j.onboarded_at
            when 'adopted' then j.adopted_at
            when 'first_value' then j.first_value_at
            when 'expanded' then j.expanded_at
            when 'renewed' then j.renewed_at
            else j.advocate_at
        end as reached_at,
        case st.stage
            when 'onboarded' then j.customer_since
            when 'adopted' then j.onboarded_at
            when 'first_value' then j.adopted_at
            when 'expanded' then j.first_value_at
            when 'renewed' then j.expanded_at
            else j.renewed_at
        end as previous_at
    from slices as sl
    join journeys as j using (account_id)
    cross join stages as st
),

counted as (
    select
        cohort_type,
        cohort,
        segment,
        stage_order,
        stage,
        count(*) as accounts,
        count(reached_at) as reached,
        -- only accounts with both dates can say how long the step took
        count(*) filter (where reached_at is not null and previous_at is not null) as timed,
        median(date_diff('day', previous_at, reached_at)) as median_days
    from account_stages
    group by all
),

final as (
    select
        *,
        reached / nullif(accounts, 0) as share,
        reached / nullif(lag(reached, 1, accounts) over (
            partition by cohort_type, cohort, segment order by stage_order
        ), 0) as from_previous
    from counted
)

select * from final
