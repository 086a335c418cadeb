-- AlterTable
ALTER TABLE "batch_executions" ADD COLUMN     "symbol_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "symbols" TEXT[];
