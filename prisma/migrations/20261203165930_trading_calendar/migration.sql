-- CreateEnum
CREATE TYPE "calendar_source" AS ENUM ('jquants', 'rules');

-- CreateTable
CREATE TABLE "trading_calendar" (
    "date" DATE NOT NULL,
    "is_trading_day" BOOLEAN NOT NULL,
    "source" "calendar_source" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trading_calendar_pkey" PRIMARY KEY ("date")
);
