# syntax=docker/dockerfile:1
# One image for the API, worker, emulator and one-shot tasks (they run TypeScript through tsx),
# and a small nginx image for the web console.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY packages/domain/package.json packages/domain/
COPY packages/graph-adapter/package.json packages/graph-adapter/
COPY packages/exchange-emulator/package.json packages/exchange-emulator/
COPY packages/queues/package.json packages/queues/
COPY packages/observability/package.json packages/observability/
RUN npm ci --no-audit --no-fund

FROM deps AS source
COPY . .

FROM source AS web-build
RUN npm run build --workspace @mailroom/web

FROM source AS app
ENV NODE_ENV=production TURBO_TELEMETRY_DISABLED=1
USER node
EXPOSE 4000 4100
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]

FROM nginx:1.27-alpine AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=web-build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 80
