terraform {
  required_version = ">= 1.5"
  required_providers {
    google      = { source = "hashicorp/google", version = ">= 6.10" }
    google-beta = { source = "hashicorp/google-beta", version = ">= 6.10" }
  }
}
