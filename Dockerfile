# runmap console image for Cloud Run.
# Build stage: install everything, build the server (tsc) and the web app (vite).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime stage: production dependencies and built assets only, as a non-root user.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/server/fake-google/worlds ./server/fake-google/worlds
USER node
EXPOSE 8080
CMD ["node", "bin/runmap.js", "serve"]
