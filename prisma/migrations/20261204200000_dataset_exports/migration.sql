-- CreateEnum
CREATE TYPE "dataset_format" AS ENUM ('parquet', 'csv');

-- CreateTable
CREATE TABLE "dataset_exports" (
    "id" VARCHAR(64) NOT NULL,
    "status" "run_status" NOT NULL DEFAULT 'queued',
    "format" "dataset_format" NOT NULL,
    "source" "provider" NOT NULL,
    "from" DATE NOT NULL,
    "to" DATE NOT NULL,
    "symbols" TEXT[],
    "market_code" VARCHAR(8),
    "request" JSONB NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "rows" BIGINT NOT NULL DEFAULT 0,
    "files" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "expired_at" TIMESTAMPTZ(3),

    CONSTRAINT "dataset_exports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dataset_exports_created_at_idx" ON "dataset_exports"("created_at" DESC);
