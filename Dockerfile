# The atlas-restore worker image. Build: docker build -t atlas-restore .
FROM node:20.19.5-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY common common
COPY workflows workflows
COPY activities activities
COPY worker worker
COPY client client
COPY atlas atlas
COPY simulator simulator
COPY devserver devserver
COPY bench bench
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev

FROM node:20.19.5-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY bin bin
USER node
# Prometheus metrics (ATLAS_RESTORE_METRICS_PORT).
EXPOSE 9464
ENTRYPOINT ["node", "bin/atlas-restore"]
CMD ["worker"]
