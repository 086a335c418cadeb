-- Quality checks: a run per price batch (its id is the batch's) or on demand, and what each run
-- found, one row per (run, source, symbol, day, check) so a re-run finds the same rows again.

-- CreateTable
CREATE TABLE "quality_checks" (
    "id" VARCHAR(64) NOT NULL,
    "batch_id" VARCHAR(64),
    "source" "provider",
    "symbols" TEXT[],
    "from" DATE,
    "to" DATE,
    "status" "run_status" NOT NULL DEFAULT 'queued',
    "issues" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "quality_checks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quality_issues" (
    "id" BIGSERIAL NOT NULL,
    "batch_id" VARCHAR(64) NOT NULL,
    "source" "provider" NOT NULL,
    "symbol" VARCHAR(16) NOT NULL,
    "date" DATE NOT NULL,
    "check" VARCHAR(32) NOT NULL,
    "detail" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_issues_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "quality_checks_batch_id_key" ON "quality_checks"("batch_id");

-- CreateIndex
CREATE INDEX "quality_checks_created_at_idx" ON "quality_checks"("created_at" DESC);

-- CreateIndex
CREATE INDEX "quality_issues_symbol_date_idx" ON "quality_issues"("symbol", "date");

-- CreateIndex
CREATE INDEX "quality_issues_check_id_idx" ON "quality_issues"("check", "id");

-- CreateIndex
CREATE UNIQUE INDEX "quality_issues_batch_id_source_symbol_date_check_key" ON "quality_issues"("batch_id", "source", "symbol", "date", "check");

-- AddForeignKey
ALTER TABLE "quality_checks" ADD CONSTRAINT "quality_checks_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batch_executions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_issues" ADD CONSTRAINT "quality_issues_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "quality_checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
