output "iap_audience" {
  description = "The IAP signed-header audience runmap verifies (set on the service as RUNMAP_IAP_AUDIENCE)."
  value       = local.audience
}

output "service_account" {
  description = "runmap's read-only service account."
  value       = google_service_account.runmap.email
}

output "address" {
  description = "mode lb: point the domain's DNS A record here. mode direct: the service URL."
  value       = local.lb ? google_compute_global_address.runmap[0].address : google_cloud_run_v2_service.runmap.uri
}
