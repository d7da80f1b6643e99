# runmap console image for Cloud Run. scripts/docker-steps.sh runs these same steps as plain commands
# (CI has no Docker engine): keep the two in step.

# Build stage: install everything, build the server (tsc) and the web app (vite).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the prepare script would build before the sources are copied; we build below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime stage: production dependencies and built assets only, owned by root and run as the
# unprivileged `node` user, so the process cannot rewrite its own code.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/server/fake-google/worlds ./server/fake-google/worlds
USER node
# Cloud Run sets PORT (8080 by default); K_SERVICE makes runmap listen on 0.0.0.0 and require IAP.
EXPOSE 8080
CMD ["node", "bin/runmap.js", "serve"]
