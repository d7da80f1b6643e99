#!/usr/bin/env bash
# Runs the Dockerfile's steps as plain commands in a temporary directory (no Docker engine here),
# then starts the built server from the runtime directory, as the image would, and checks it:
# /healthz, the demo map API, the app shell with its security headers, and a clean SIGTERM stop.
#
#   scripts/docker-steps.sh            # uses a temporary directory, removed afterwards
#   KEEP=1 scripts/docker-steps.sh     # keep it to look inside
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d "${TMPDIR:-/tmp}/runmap-image.XXXXXX")"
port="${RUNMAP_IMAGE_PORT:-4590}"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  if [[ -z "${KEEP:-}" ]]; then rm -rf "$out"; else echo "kept $out"; fi
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }
npm_ci() { npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error "$@"; }

step "build stage: npm ci, COPY . ., npm run build  ($out/build)"
mkdir -p "$out/build"
cp "$root/package.json" "$root/package-lock.json" "$out/build/"
(cd "$out/build" && npm_ci)
# COPY . . minus .dockerignore: the files git would consider (tracked or new, not ignored).
(cd "$root" && git ls-files -z --cached --others --exclude-standard \
  | grep -zv -e '^node_modules/' -e '^dist/' -e '^test-results/' \
  | xargs -0 cp --parents -t "$out/build" 2>/dev/null || true)
(cd "$out/build" && npm run build --silent >/dev/null)

step "runtime stage: npm ci --omit=dev, built assets only  ($out/runtime)"
mkdir -p "$out/runtime/server/fake-google"
cp "$root/package.json" "$root/package-lock.json" "$out/runtime/"
(cd "$out/runtime" && NODE_ENV=production npm_ci --omit=dev)
cp -r "$out/build/dist" "$out/build/bin" "$out/runtime/"
cp -r "$out/build/server/fake-google/worlds" "$out/runtime/server/fake-google/"
if [[ -d "$out/runtime/node_modules/vite" || -d "$out/runtime/node_modules/typescript" ]]; then
  echo "dev dependencies leaked into the runtime image" >&2
  exit 1
fi
echo "runtime: $(du -sh "$out/runtime" | cut -f1), $(ls "$out/runtime/node_modules" | wc -l) top-level packages"

step "start the built server from the runtime directory on 127.0.0.1:$port"
(cd "$out/runtime" && NODE_ENV=production PORT="$port" RUNMAP_HOST=127.0.0.1 RUNMAP_REFRESH_SECONDS=0 \
  exec node bin/runmap.js serve) 2>"$out/server.log" &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 150); do
  if curl -fsS "$base/api/status" 2>/dev/null | grep -q '"snapshotAt":"'; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$out/server.log" >&2; exit 1; fi
  sleep 0.2
done
curl -fsS "$base/healthz" | grep -q '"status":"ok"' || { echo "/healthz failed" >&2; exit 1; }
nodes="$(curl -fsS "$base/api/graph" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).nodes.length))')"
[[ "$nodes" -gt 10 ]] || { echo "the demo map has $nodes nodes" >&2; exit 1; }
headers="$(curl -fsS -D - -o /dev/null "$base/map")"
grep -qi "^content-security-policy: .*script-src 'self'" <<<"$headers" || { echo "no strict CSP on /map" >&2; exit 1; }
grep -qi '^x-content-type-options: nosniff' <<<"$headers" || { echo "no nosniff on /map" >&2; exit 1; }
echo "healthz ok, demo map of $nodes nodes, app shell with a strict CSP"

step "SIGTERM"
started=$(date +%s%N)
kill -TERM "$pid"
code=0
wait "$pid" || code=$?
pid=""
echo "exited $code after $(( ($(date +%s%N) - started) / 1000000 )) ms"
[[ "$code" -eq 0 ]] || { cat "$out/server.log" >&2; exit 1; }
echo "image steps ok"
