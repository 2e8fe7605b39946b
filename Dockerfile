# syntax=docker/dockerfile:1
# Application image for durable-inspections: one image, two roles chosen by the command
# (`npm run worker` / `npm run api`; see docker-compose.yml and docs/DEPLOYMENT.md).
#
# TypeScript runs through tsx (a runtime dependency), so there is no emit step: the build stage installs
# everything with `npm ci`, type-checks the project, then drops the tests and the dev dependencies.
# TEMPORAL_SKIP_BINARIES=1 makes the postinstall step (scripts/install-temporal-binaries.js) skip the
# Temporal CLI / time-skipping test server downloads: only tests use them, production talks to the
# Temporal server service.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV TEMPORAL_SKIP_BINARIES=1 \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false
# Dependencies first (cached while package*.json are unchanged); postinstall needs its script.
COPY package.json package-lock.json ./
COPY scripts/install-temporal-binaries.js scripts/
RUN npm ci
COPY . .
RUN npm run typecheck \
 && rm -rf test \
 && npm prune --omit=dev \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    TEMPORAL_SKIP_BINARIES=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# Overridden per service in docker-compose.yml: `npm run worker` for workers, `npm run api` for the API.
CMD ["npm", "run", "api"]
