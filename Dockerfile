# syntax=docker/dockerfile:1
#
# One image for the API, the Temporal worker and the migration job; docker-compose.yml picks the
# process with `command:`. Build: `docker build -t commissioning .`
#
#   build    all dependencies, TypeScript compiled to dist/ and the prebuilt workflow bundle
#   deps     production dependencies only
#   runtime  node_modules from `deps` + dist/ from `build`, run as the unprivileged `node` user

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
WORKDIR /app
# Quiet, reproducible npm; SCARF_ANALYTICS stops swagger-ui-dist's install-time telemetry call.
ENV NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    SCARF_ANALYTICS=false

# ---------------------------------------------------------------------------------------------
FROM base AS build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY activities ./activities
COPY workflows ./workflows
COPY scripts ./scripts
# Compiles to dist/ and writes dist/workflow-bundle.js; bundling reads workflows/ and
# libs/contracts/ from source, which is why they are copied above rather than only compiled.
RUN npm run build

# ---------------------------------------------------------------------------------------------
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# HOST: the apps default to 127.0.0.1, which is unreachable from outside a container.
# Source maps turn stack traces in the logs back into TypeScript file and line numbers.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NODE_OPTIONS=--enable-source-maps

# Files stay owned by root, so the running process cannot modify its own code.
# package.json is needed at run time: the worker finds the project root (and with it
# dist/workflow-bundle.js) by looking for it.
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

USER node
EXPOSE 3000

# Default process: the API. The worker runs
# `node --require ./dist/apps/worker/src/workflow-threads.js dist/apps/worker/src/main.js`, the migration
# job `node dist/libs/persistence/src/migrate.js`. Exec form, so node receives SIGTERM directly.
CMD ["node", "dist/apps/api/src/main.js"]
