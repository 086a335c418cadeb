-- AlterTable
ALTER TABLE "batch_executions" ADD COLUMN     "from_date" DATE,
ADD COLUMN     "plan_skipped" TEXT,
ADD COLUMN     "requests_estimated" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requests_used" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "to_date" DATE;
