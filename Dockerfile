# One image for every service of the distributed mode (docker-compose.yml picks the entry point).
#
# Runtime TypeScript: the entry points run as `node -r @swc-node/register bin/<x>.ts`, exactly as the npm
# scripts do, so @swc-node/register, its @swc/core and typescript (it reads tsconfig.json, whose decorator
# settings type-graphql and MikroORM need) stay in the image. They are production packages in
# package-lock.json (a dependency and its peers), so `npm prune --omit=dev` keeps them and drops only the
# test and lint tooling (jest, eslint, prettier, playwright-core, …). No separate compile step: what runs
# in the container is what the tests ran.

# ---- build: install, compile native modules, bundle the browser apps, drop dev packages
FROM node:20.20.2-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Lifecycle scripts wait until the sources are here (`prepare` bundles web/, not copied yet); then the
# packages whose install scripts the runtime needs run them: better-sqlite3's native binding (prebuilt,
# or compiled with this image's python3/make/g++), esbuild's and swc's platform binaries.
RUN npm ci --no-audit --no-fund --ignore-scripts \
  && npm rebuild better-sqlite3 esbuild @swc/core @apollo/protobufjs
COPY tsconfig.json ./
COPY core ./core
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY bin ./bin
COPY schema ./schema
COPY tools/web ./tools/web
COPY web ./web
# what `npm start`'s prestart does: web/dist (portal, widget, dashboard) that the gateway serves
RUN npm run build:web \
  && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime: sources, production node_modules, the built web apps; runs as the unprivileged `node` user
FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
# owned by root and read-only to the service: only the data directory is writable
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/core ./core
COPY --from=build /app/gateway ./gateway
COPY --from=build /app/subgraphs ./subgraphs
COPY --from=build /app/bin ./bin
COPY --from=build /app/schema ./schema
COPY --from=build /app/web/dist ./web/dist
COPY deploy/healthcheck.mjs ./deploy/healthcheck.mjs
RUN mkdir -p /app/data && chown node:node /app/data && chmod 0700 /app/data
USER node
EXPOSE 4000 4001 4002 4003 4004 4005
# The default command is a gateway; docker-compose.yml gives each service its own command and probe.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "deploy/healthcheck.mjs", "http://127.0.0.1:4000/health"]
ENTRYPOINT ["node", "-r", "@swc-node/register"]
CMD ["bin/serve.ts", "gateway"]
