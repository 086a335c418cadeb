import { defineConfig } from "prisma/config";

const DEFAULT_DATABASE_URL = "postgresql://kabuto:kabuto@127.0.0.1:5432/kabuto";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL },
});
