terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = "~> 1.84"
    }
  }

  # Keep the state remote and encrypted: it holds the OAuth client secret when credentials_via_terraform
  # is true. Copy backend.tf.example to backend.tf and fill it in (docs/deploy.md).
}

provider "aws" {
  region = var.aws_region
}

# Terraform's own Genesys Cloud OAuth client (client credentials, an admin role) comes from the
# environment: GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION.
provider "genesyscloud" {}
