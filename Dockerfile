# syntax=docker/dockerfile:1
# One image for every Kabuto app; docker-compose.yml picks the app with APP.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc turbo.json tsconfig.base.json tsconfig.json prisma.config.ts ./
COPY apps apps
COPY packages packages
COPY prisma prisma
# No install scripts, as npm 11 runs none here (package.json "allowScripts"); the image's npm is 10.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund \
  && npm run build \
  && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production APP=gateway
WORKDIR /app
# Owned by root and run as `node`: the app cannot rewrite its own code.
COPY --from=build /app /app
# The datasets volume takes this directory's owner when Docker first creates it.
RUN mkdir /datasets && chown node:node /datasets
USER node
CMD ["sh", "-c", "exec node apps/$APP/dist/main.js"]
