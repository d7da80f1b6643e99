#!/usr/bin/env bash
# Deploys runmap on Cloud Run behind Identity-Aware Proxy with a read-only service account.
#
#   PROJECT_ID=ops-tools REGION=europe-west1 TARGET_PROJECTS=shop-prod,platform-prod \
#   IAP_MEMBERS=group:cloud-reviewers@example.com DOMAIN=runmap.example.com deploy/gcloud/deploy.sh
#
# MODE=lb (default): external Application Load Balancer with IAP on its backend service; the service
#   has ingress internal-and-cloud-load-balancing and no run.app URL. Needs DOMAIN (a managed cert).
# MODE=direct: IAP enabled on the Cloud Run service itself (no load balancer; ingress all, since users
#   reach the run.app URL through IAP). runmap's own audit then reports CR-05 (medium) on it.
# DRY_RUN=1 prints the commands instead of running them.
# Never grants allUsers or allAuthenticatedUsers anything, and checks so at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${PROJECT_ID:?set PROJECT_ID, the project runmap runs in}"
: "${REGION:?set REGION, e.g. europe-west1}"
: "${TARGET_PROJECTS:?set TARGET_PROJECTS, comma-separated projects runmap maps (read-only)}"
: "${IAP_MEMBERS:?set IAP_MEMBERS, comma-separated principals allowed through IAP, e.g. group:reviewers@example.com}"
MODE="${MODE:-lb}"
SERVICE="${SERVICE:-runmap}"
SA_NAME="${SA_NAME:-runmap-console}"
SERVICE_ACCOUNT="${SA_NAME}@${PROJECT_ID}.iam.gserviceaccount.com"
IMAGE="${IMAGE:-${REGION}-docker.pkg.dev/${PROJECT_ID}/runmap/runmap:latest}"
ALLOWED_DOMAINS="${ALLOWED_DOMAINS:-}"
[[ "$MODE" == lb || "$MODE" == direct ]] || { echo "MODE must be lb or direct" >&2; exit 2; }
[[ "$MODE" == direct || -n "${DOMAIN:-}" ]] || { echo "MODE=lb needs DOMAIN (the console's hostname)" >&2; exit 2; }
for m in ${IAP_MEMBERS//,/ }; do
  [[ "$m" != allUsers && "$m" != allAuthenticatedUsers ]] || { echo "refusing to let $m through IAP" >&2; exit 2; }
done

run() { if [[ -n "${DRY_RUN:-}" ]]; then printf '+ %q' "$1"; printf ' %q' "${@:2}"; echo; else "$@"; fi; }
value() { if [[ -n "${DRY_RUN:-}" ]]; then echo "$2"; else eval "$1"; fi; }
gc() { run gcloud --quiet --project="$PROJECT_ID" "$@"; }

echo "== APIs"
gc services enable run.googleapis.com iap.googleapis.com cloudresourcemanager.googleapis.com \
  logging.googleapis.com monitoring.googleapis.com cloudtrace.googleapis.com cloudasset.googleapis.com \
  binaryauthorization.googleapis.com artifactregistry.googleapis.com cloudbuild.googleapis.com compute.googleapis.com
PROJECT_NUMBER="$(value "gcloud projects describe $PROJECT_ID --format='value(projectNumber)'" 123456789012)"
IAP_AGENT="service-${PROJECT_NUMBER}@gcp-sa-iap.iam.gserviceaccount.com"
gc beta services identity create --service=iap.googleapis.com

echo "== the console's own service account, read-only on each mapped project (deploy/roles.txt)"
gc iam service-accounts create "$SA_NAME" --display-name="runmap console (read-only)" || true
roles=$(grep -v '^#' "$here/../roles.txt" | awk 'NF {print $1}')
for target in ${TARGET_PROJECTS//,/ }; do
  for role in $roles; do
    run gcloud --quiet projects add-iam-policy-binding "$target" --condition=None \
      --member="serviceAccount:${SERVICE_ACCOUNT}" --role="$role" --format=none
  done
done

if [[ -z "${IMAGE_BUILT:-}" ]]; then
  echo "== image (Cloud Build from the Dockerfile)"
  gc artifacts repositories create runmap --repository-format=docker --location="$REGION" || true
  run gcloud --quiet --project="$PROJECT_ID" builds submit "$here/../.." --tag="$IMAGE"
fi

if [[ "$MODE" == lb ]]; then
  echo "== load balancer with IAP"
  gc compute network-endpoint-groups create "${SERVICE}-neg" --region="$REGION" \
    --network-endpoint-type=serverless --cloud-run-service="$SERVICE"
  gc compute backend-services create "${SERVICE}-backend" --global --load-balancing-scheme=EXTERNAL_MANAGED
  gc compute backend-services add-backend "${SERVICE}-backend" --global \
    --network-endpoint-group="${SERVICE}-neg" --network-endpoint-group-region="$REGION"
  gc compute backend-services update "${SERVICE}-backend" --global --iap=enabled
  gc compute url-maps create "${SERVICE}-urlmap" --default-service="${SERVICE}-backend"
  gc compute ssl-certificates create "${SERVICE}-cert" --global --domains="$DOMAIN"
  gc compute target-https-proxies create "${SERVICE}-proxy" --url-map="${SERVICE}-urlmap" \
    --ssl-certificates="${SERVICE}-cert"
  gc compute addresses create "${SERVICE}-ip" --global
  gc compute forwarding-rules create "${SERVICE}-https" --global --load-balancing-scheme=EXTERNAL_MANAGED \
    --address="${SERVICE}-ip" --target-https-proxy="${SERVICE}-proxy" --ports=443
  for m in ${IAP_MEMBERS//,/ }; do
    gc iap web add-iam-policy-binding --resource-type=backend-services --service="${SERVICE}-backend" \
      --member="$m" --role=roles/iap.httpsResourceAccessor
  done
  BACKEND_ID="$(value "gcloud compute backend-services describe ${SERVICE}-backend --global --project=$PROJECT_ID --format='value(id)'" 4567890123)"
  AUDIENCE="/projects/${PROJECT_NUMBER}/global/backendServices/${BACKEND_ID}"
else
  AUDIENCE="/projects/${PROJECT_NUMBER}/locations/${REGION}/services/${SERVICE}"
fi

echo "== the service (deploy/service.yaml)"
rendered="$(mktemp)"
trap 'rm -f "$rendered"' EXIT
yaml="$(<"$here/../service.yaml")"
for v in SERVICE SERVICE_ACCOUNT IMAGE AUDIENCE TARGET_PROJECTS ALLOWED_DOMAINS PROJECT_ID; do
  yaml="${yaml//\$\{$v\}/${!v}}"
done
printf '%s\n' "$yaml" >"$rendered"
if [[ "$MODE" == direct ]]; then
  # IAP on the service itself: users reach the run.app URL, through IAP.
  sed -i -e 's#run.googleapis.com/ingress: internal-and-cloud-load-balancing#run.googleapis.com/ingress: all#' \
    -e 's#run.googleapis.com/default-url-disabled: "true"#run.googleapis.com/iap-enabled: "true"\n    run.googleapis.com/launch-stage: BETA#' "$rendered"
fi
[[ -n "${DRY_RUN:-}" ]] && { echo "--- rendered service.yaml"; cat "$rendered"; echo "---"; }
run gcloud --quiet --project="$PROJECT_ID" run services replace "$rendered" --region="$REGION"
# Only IAP's service agent may invoke the service; nobody else, and never allUsers.
gc run services add-iam-policy-binding "$SERVICE" --region="$REGION" \
  --member="serviceAccount:${IAP_AGENT}" --role=roles/run.invoker
if [[ "$MODE" == direct ]]; then
  for m in ${IAP_MEMBERS//,/ }; do
    gc iap web add-iam-policy-binding --resource-type=cloud-run --service="$SERVICE" --region="$REGION" \
      --member="$m" --role=roles/iap.httpsResourceAccessor
  done
fi

echo "== checks"
policy="$(value "gcloud run services get-iam-policy $SERVICE --region=$REGION --project=$PROJECT_ID --format=json" '{}')"
if grep -Eq 'allUsers|allAuthenticatedUsers' <<<"$policy"; then
  echo "the service's IAM policy names allUsers or allAuthenticatedUsers: remove it" >&2
  exit 1
fi

cat <<DONE

runmap is deployed. The IAP signed-header audience it verifies (already set on the service):

  RUNMAP_IAP_AUDIENCE=${AUDIENCE}

$([[ "$MODE" == lb ]] && echo "Point DNS for ${DOMAIN} at: $(value "gcloud compute addresses describe ${SERVICE}-ip --global --project=$PROJECT_ID --format='value(address)'" 203.0.113.10) (the certificate is issued once it resolves)." || echo "Open the service URL: $(value "gcloud run services describe $SERVICE --region=$REGION --project=$PROJECT_ID --format='value(status.url)'" "https://${SERVICE}-${PROJECT_NUMBER}.${REGION}.run.app")")
DONE
