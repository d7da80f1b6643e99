variable "project_id" {
  description = "Project runmap runs in."
  type        = string
}

variable "region" {
  description = "Region of the Cloud Run service, e.g. europe-west1."
  type        = string
}

variable "image" {
  description = "Container image built from runmap's Dockerfile."
  type        = string
}

variable "target_projects" {
  description = "Projects runmap maps; its service account gets read-only roles on each."
  type        = list(string)
}

variable "iap_members" {
  description = "Principals allowed through IAP, e.g. [\"group:cloud-reviewers@example.com\"]."
  type        = list(string)
  validation {
    condition     = !contains(var.iap_members, "allUsers") && !contains(var.iap_members, "allAuthenticatedUsers")
    error_message = "runmap is never open to allUsers or allAuthenticatedUsers."
  }
}

variable "mode" {
  description = "lb: external Application Load Balancer with IAP (ingress internal-and-cloud-load-balancing, no run.app URL). direct: IAP on the Cloud Run service."
  type        = string
  default     = "lb"
  validation {
    condition     = contains(["lb", "direct"], var.mode)
    error_message = "mode is lb or direct."
  }
}

variable "domain" {
  description = "Hostname of the console (mode lb): a Google-managed certificate is issued for it."
  type        = string
  default     = null
}

variable "allowed_domains" {
  description = "Optional: only identities whose hd claim or email domain is listed are served (RUNMAP_ALLOWED_DOMAINS)."
  type        = list(string)
  default     = []
}

variable "service_name" {
  type    = string
  default = "runmap"
}

# Read-only roles of the console's service account, on each target project; the same list as
# deploy/roles.txt (a test keeps them in step).
variable "reader_roles" {
  description = "Read-only roles granted to runmap's service account on each target project."
  type        = list(string)
  default = [
    "roles/run.viewer",            # services, jobs, revisions and their IAM policies
    "roles/browser",               # the project and its IAM policy
    "roles/logging.viewer",        # request, error and Admin Activity audit logs
    "roles/monitoring.viewer",     # golden signals
    "roles/cloudtrace.user",       # traces (read access)
    "roles/cloudasset.viewer",     # Cloud Asset Inventory searches
    "roles/pubsub.viewer",         # push subscriptions (event edges)
    "roles/cloudscheduler.viewer", # scheduler jobs (event edges)
    "roles/cloudtasks.viewer",     # task queues (event edges)
    "roles/compute.viewer",        # serverless NEGs, backend services, URL maps, forwarding rules
  ]
  validation {
    condition     = alltrue([for r in var.reader_roles : !contains(["roles/owner", "roles/editor", "roles/run.admin", "roles/run.invoker", "roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"], r)])
    error_message = "runmap's service account gets read-only roles only."
  }
}
