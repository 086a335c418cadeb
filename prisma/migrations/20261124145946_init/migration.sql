-- Company name search ranks by trigram similarity (trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "master_source" AS ENUM ('jpx', 'jquants');

-- CreateEnum
CREATE TYPE "sync_trigger" AS ENUM ('manual', 'scheduled');

-- CreateEnum
CREATE TYPE "run_status" AS ENUM ('queued', 'running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "provider" AS ENUM ('yahoo', 'jquants');

-- CreateEnum
CREATE TYPE "batch_type" AS ENUM ('all_stocks', 'partial', 'daily_update');

-- CreateEnum
CREATE TYPE "batch_status" AS ENUM ('queued', 'running', 'paused', 'cancel_requested', 'cancelled', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "batch_unit" AS ENUM ('symbols', 'dates');

-- CreateEnum
CREATE TYPE "detail_status" AS ENUM ('pending', 'processing', 'completed', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "error_class" AS ENUM ('temporary', 'permanent', 'system');

-- CreateTable
CREATE TABLE "markets" (
    "code" VARCHAR(8) NOT NULL,
    "name" TEXT NOT NULL,
    "name_english" TEXT,

    CONSTRAINT "markets_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "sector17" (
    "code" VARCHAR(4) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "sector17_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "sector33" (
    "code" VARCHAR(4) NOT NULL,
    "name" TEXT NOT NULL,
    "sector17_code" VARCHAR(4),

    CONSTRAINT "sector33_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "companies" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(8) NOT NULL,
    "company_name" TEXT NOT NULL,
    "company_name_english" TEXT,
    "market_code" VARCHAR(8),
    "market_name" TEXT,
    "sector17_code" VARCHAR(4),
    "sector17_name" TEXT,
    "sector33_code" VARCHAR(4),
    "sector33_name" TEXT,
    "scale_code" VARCHAR(4),
    "scale_category" TEXT,
    "margin_code" VARCHAR(4),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "reference_date" DATE,
    "source" "master_source" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "companies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "master_sync_runs" (
    "id" SERIAL NOT NULL,
    "trigger" "sync_trigger" NOT NULL,
    "source" "master_source" NOT NULL,
    "status" "run_status" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "master_sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_schedules" (
    "id" SERIAL NOT NULL,
    "job_name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "cron_time" VARCHAR(5) NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    "last_run_at" TIMESTAMPTZ(3),
    "last_status" "run_status",
    "last_count" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sync_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "batch_executions" (
    "id" VARCHAR(64) NOT NULL,
    "type" "batch_type" NOT NULL,
    "provider" "provider" NOT NULL,
    "unit" "batch_unit" NOT NULL DEFAULT 'symbols',
    "interval" VARCHAR(8) NOT NULL,
    "period" VARCHAR(16),
    "status" "batch_status" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "successful" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "records" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "batch_executions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "batch_execution_details" (
    "id" BIGSERIAL NOT NULL,
    "batch_id" VARCHAR(64) NOT NULL,
    "symbol" VARCHAR(16) NOT NULL,
    "status" "detail_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "records_inserted" INTEGER NOT NULL DEFAULT 0,
    "error_class" "error_class",
    "error_message" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,

    CONSTRAINT "batch_execution_details_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "price_bars" (
    "symbol" VARCHAR(16) NOT NULL,
    "interval" VARCHAR(8) NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "open" DOUBLE PRECISION,
    "high" DOUBLE PRECISION,
    "low" DOUBLE PRECISION,
    "close" DOUBLE PRECISION,
    "adj_open" DOUBLE PRECISION,
    "adj_high" DOUBLE PRECISION,
    "adj_low" DOUBLE PRECISION,
    "adj_close" DOUBLE PRECISION,
    "volume" BIGINT,
    "adj_volume" DOUBLE PRECISION,
    "adj_factor" DOUBLE PRECISION,
    "turnover" DOUBLE PRECISION,
    "source" "provider" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "price_bars_pkey" PRIMARY KEY ("symbol","interval","ts")
);

-- CreateTable
CREATE TABLE "data_sources" (
    "id" SERIAL NOT NULL,
    "provider" VARCHAR(16) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "plan" VARCHAR(16),
    "rate_limit_per_minute" INTEGER,
    "history_years" INTEGER,
    "encrypted_api_key" TEXT,
    "key_updated_at" TIMESTAMPTZ(3),
    "last_validated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_sources_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "companies_code_key" ON "companies"("code");

-- CreateIndex
CREATE INDEX "companies_market_code_idx" ON "companies"("market_code");

-- CreateIndex
CREATE INDEX "companies_sector17_code_idx" ON "companies"("sector17_code");

-- CreateIndex
CREATE INDEX "companies_sector33_code_idx" ON "companies"("sector33_code");

-- CreateIndex
CREATE INDEX "companies_is_active_code_idx" ON "companies"("is_active", "code");

-- CreateIndex
CREATE INDEX "companies_company_name_trgm_idx" ON "companies" USING GIN ("company_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "companies_company_name_english_trgm_idx" ON "companies" USING GIN ("company_name_english" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "master_sync_runs_created_at_idx" ON "master_sync_runs"("created_at" DESC);

-- CreateIndex
CREATE INDEX "master_sync_runs_status_idx" ON "master_sync_runs"("status");

-- CreateIndex
CREATE UNIQUE INDEX "sync_schedules_job_name_key" ON "sync_schedules"("job_name");

-- CreateIndex
CREATE INDEX "batch_executions_created_at_idx" ON "batch_executions"("created_at" DESC);

-- CreateIndex
CREATE INDEX "batch_executions_status_idx" ON "batch_executions"("status");

-- CreateIndex
CREATE INDEX "batch_execution_details_batch_id_status_idx" ON "batch_execution_details"("batch_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "batch_execution_details_batch_id_symbol_key" ON "batch_execution_details"("batch_id", "symbol");

-- CreateIndex
CREATE UNIQUE INDEX "data_sources_provider_key" ON "data_sources"("provider");

-- AddForeignKey
ALTER TABLE "sector33" ADD CONSTRAINT "sector33_sector17_code_fkey" FOREIGN KEY ("sector17_code") REFERENCES "sector17"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "companies" ADD CONSTRAINT "companies_market_code_fkey" FOREIGN KEY ("market_code") REFERENCES "markets"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "companies" ADD CONSTRAINT "companies_sector17_code_fkey" FOREIGN KEY ("sector17_code") REFERENCES "sector17"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "companies" ADD CONSTRAINT "companies_sector33_code_fkey" FOREIGN KEY ("sector33_code") REFERENCES "sector33"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_execution_details" ADD CONSTRAINT "batch_execution_details_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batch_executions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
