# One image for every Kabuto app; docker-compose.yml picks the app with APP.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc turbo.json tsconfig.base.json tsconfig.json prisma.config.ts ./
COPY apps apps
COPY packages packages
COPY prisma prisma
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
ENV APP=gateway
CMD ["sh", "-c", "exec node apps/$APP/dist/main.js"]
