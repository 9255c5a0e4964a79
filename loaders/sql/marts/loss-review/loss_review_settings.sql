-- loss_review_settings: the settings the loss review was computed with, one row, kept beside the figures
-- because the variables exist only while the models are built.
with final as (
    select
        getvariable('lookback_days') as lookback_days,
        getvariable('publish_contacts') as publish_contacts
)

select * from final
