-- Which provider the daily price update fetches from (PUT /api/v1/prices/schedule); NULL leaves it to
-- the scheduler's DAILY_PRICES_PROVIDER, as before this column.
-- AlterTable
ALTER TABLE "sync_schedules" ADD COLUMN     "provider" "provider";
