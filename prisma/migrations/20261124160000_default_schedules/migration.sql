-- The two daily jobs of seeds 001 and 003, at their default times (Asia/Tokyo); editable through
-- PUT /api/v1/companies/schedule and the dashboard.
INSERT INTO "sync_schedules" ("job_name", "enabled", "cron_time", "timezone", "updated_at")
VALUES ('master_sync', true, '11:30', 'Asia/Tokyo', now()),
       ('daily_prices', true, '19:00', 'Asia/Tokyo', now())
ON CONFLICT ("job_name") DO NOTHING;
