# The atlas-restore worker image. Build: docker build -t atlas-restore .
# Node.js 22 LTS, the version CI runs the suite on (deploy/versions.json `node`, scripts/setup-node.mjs). Pin the
# digest where a registry is reachable: FROM node:22.23.5-bookworm-slim@sha256:<docker buildx imagetools inspect>.
FROM node:22.23.5-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
# The product only: no simulator, dev server, benchmark or demo in the image.
COPY common common
COPY workflows workflows
COPY activities activities
COPY atlas atlas
COPY worker worker
COPY client client
COPY config config
COPY policy policy
COPY scripts/build-workflow-bundle.mjs scripts/build-workflow-bundle.mjs
# Compiles to dist/ and prebuilds the workflow bundle (dist/workflow-bundle.js): the worker loads it at start instead
# of bundling (seconds and memory on every start).
RUN npm run build && test -s dist/workflow-bundle.js && npm prune --omit=dev

FROM node:22.23.5-bookworm-slim
ENV NODE_ENV=production
# A bounded heap: V8 collects before the process outgrows its container. The workflow cache is sized by
# ATLAS_RESTORE_MAX_CACHED_WORKFLOWS (default 1,000), not from this heap (the SDK would keep ≈ 360 and replay the rest);
# harness/bench/README.md has the measured peak RSS with 1,000 restores in flight (≤ 1 GiB).
ENV NODE_OPTIONS=--max-old-space-size=768
WORKDIR /app
# ssh-keygen verifies the signed starts and approvals a restore policy asks for (policy/ssh.ts), as git does.
RUN apt-get update && apt-get install -y --no-install-recommends openssh-client && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY bin bin
USER node
# Prometheus metrics (ATLAS_RESTORE_METRICS_PORT).
EXPOSE 9464
# `docker stop` sends SIGTERM to node (PID 1, exec form): in-flight activities get ATLAS_RESTORE_SHUTDOWN_GRACE.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "bin/atlas-restore"]
CMD ["worker"]
