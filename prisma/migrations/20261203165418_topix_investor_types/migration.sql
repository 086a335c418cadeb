-- CreateTable
CREATE TABLE "index_bars" (
    "index_code" VARCHAR(16) NOT NULL,
    "date" DATE NOT NULL,
    "open" DOUBLE PRECISION NOT NULL,
    "high" DOUBLE PRECISION NOT NULL,
    "low" DOUBLE PRECISION NOT NULL,
    "close" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "index_bars_pkey" PRIMARY KEY ("index_code","date")
);

-- CreateTable
CREATE TABLE "investor_types" (
    "section" VARCHAR(32) NOT NULL,
    "published_date" DATE NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "trading" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "investor_types_pkey" PRIMARY KEY ("section","start_date","end_date")
);

-- CreateIndex
CREATE INDEX "investor_types_published_date_idx" ON "investor_types"("published_date");
