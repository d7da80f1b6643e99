# runmap on Cloud Run behind Identity-Aware Proxy, with a read-only service account.
# mode = "lb": external Application Load Balancer with IAP on its backend service; the service takes
#   traffic from the load balancer only and has no run.app URL.
# mode = "direct": IAP enabled on the Cloud Run service itself.
# Only IAP's service agent may invoke the service; nothing is ever granted to allUsers.

data "google_project" "this" {
  project_id = var.project_id
}

locals {
  lb            = var.mode == "lb"
  iap_agent     = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-iap.iam.gserviceaccount.com"
  audience      = local.lb ? "/projects/${data.google_project.this.number}/global/backendServices/${google_compute_backend_service.runmap[0].generated_id}" : "/projects/${data.google_project.this.number}/locations/${var.region}/services/${var.service_name}"
  project_roles = { for pair in setproduct(var.target_projects, var.reader_roles) : "${pair[0]} ${pair[1]}" => { project = pair[0], role = pair[1] } }
}

resource "google_service_account" "runmap" {
  project      = var.project_id
  account_id   = "runmap-console"
  display_name = "runmap console (read-only)"
}

resource "google_project_iam_member" "reader" {
  for_each = local.project_roles
  project  = each.value.project
  role     = each.value.role
  member   = "serviceAccount:${google_service_account.runmap.email}"
}

resource "google_project_service_identity" "iap" {
  provider = google-beta
  project  = var.project_id
  service  = "iap.googleapis.com"
}

resource "google_cloud_run_v2_service" "runmap" {
  provider             = google-beta
  project              = var.project_id
  location             = var.region
  name                 = var.service_name
  ingress              = local.lb ? "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER" : "INGRESS_TRAFFIC_ALL"
  default_uri_disabled = local.lb
  invoker_iam_disabled = false
  iap_enabled          = !local.lb
  launch_stage         = local.lb ? null : "BETA"
  deletion_protection  = false

  binary_authorization {
    use_default = true
  }

  template {
    service_account                  = google_service_account.runmap.email
    max_instance_request_concurrency = 80
    timeout                          = "60s"
    scaling {
      max_instance_count = 3
    }
    containers {
      image = var.image
      ports {
        container_port = 8080
      }
      env {
        name  = "RUNMAP_IAP_AUDIENCE"
        value = local.audience
      }
      env {
        name  = "RUNMAP_PROJECTS"
        value = join(",", var.target_projects)
      }
      env {
        name  = "RUNMAP_ALLOWED_DOMAINS"
        value = join(",", var.allowed_domains)
      }
      env {
        name  = "GOOGLE_CLOUD_PROJECT"
        value = var.project_id
      }
      resources {
        limits = { cpu = "1", memory = "1Gi" }
      }
      startup_probe {
        http_get {
          path = "/healthz"
        }
      }
      liveness_probe {
        http_get {
          path = "/healthz"
        }
      }
    }
  }
}

# IAP calls the service as its service agent: the only invoker.
resource "google_cloud_run_v2_service_iam_member" "iap_invoker" {
  project    = var.project_id
  location   = var.region
  name       = google_cloud_run_v2_service.runmap.name
  role       = "roles/run.invoker"
  member     = local.iap_agent
  depends_on = [google_project_service_identity.iap]
}

# --- mode = "direct": who may pass IAP on the Cloud Run service
resource "google_iap_web_cloud_run_service_iam_member" "user" {
  for_each               = local.lb ? toset([]) : toset(var.iap_members)
  project                = var.project_id
  location               = var.region
  cloud_run_service_name = google_cloud_run_v2_service.runmap.name
  role                   = "roles/iap.httpsResourceAccessor"
  member                 = each.value
}

# --- mode = "lb": serverless NEG → backend service with IAP → HTTPS load balancer
resource "google_compute_region_network_endpoint_group" "runmap" {
  count                 = local.lb ? 1 : 0
  project               = var.project_id
  region                = var.region
  name                  = "${var.service_name}-neg"
  network_endpoint_type = "SERVERLESS"
  # By name, not by reference: the service's env needs the backend's id (the audience), so the NEG
  # must not depend on the service.
  cloud_run {
    service = var.service_name
  }
}

resource "google_compute_backend_service" "runmap" {
  count                 = local.lb ? 1 : 0
  project               = var.project_id
  name                  = "${var.service_name}-backend"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  protocol              = "HTTPS"
  backend {
    group = google_compute_region_network_endpoint_group.runmap[0].id
  }
  iap {
    enabled = true
  }
}

resource "google_iap_web_backend_service_iam_member" "user" {
  for_each            = local.lb ? toset(var.iap_members) : toset([])
  project             = var.project_id
  web_backend_service = google_compute_backend_service.runmap[0].name
  role                = "roles/iap.httpsResourceAccessor"
  member              = each.value
}

resource "google_compute_url_map" "runmap" {
  count           = local.lb ? 1 : 0
  project         = var.project_id
  name            = "${var.service_name}-urlmap"
  default_service = google_compute_backend_service.runmap[0].id
}

resource "google_compute_managed_ssl_certificate" "runmap" {
  count   = local.lb ? 1 : 0
  project = var.project_id
  name    = "${var.service_name}-cert"
  managed {
    domains = [var.domain]
  }
  lifecycle {
    precondition {
      condition     = var.domain != null
      error_message = "mode = \"lb\" needs domain, the console's hostname."
    }
  }
}

resource "google_compute_target_https_proxy" "runmap" {
  count            = local.lb ? 1 : 0
  project          = var.project_id
  name             = "${var.service_name}-proxy"
  url_map          = google_compute_url_map.runmap[0].id
  ssl_certificates = [google_compute_managed_ssl_certificate.runmap[0].id]
}

resource "google_compute_global_address" "runmap" {
  count   = local.lb ? 1 : 0
  project = var.project_id
  name    = "${var.service_name}-ip"
}

resource "google_compute_global_forwarding_rule" "runmap" {
  count                 = local.lb ? 1 : 0
  project               = var.project_id
  name                  = "${var.service_name}-https"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  ip_address            = google_compute_global_address.runmap[0].id
  target                = google_compute_target_https_proxy.runmap[0].id
  port_range            = "443"
}
