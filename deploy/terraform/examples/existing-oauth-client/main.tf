# prebreak's AWS side alone, for an org whose Genesys admin made the OAuth client and the Pre-Break
# presence by hand (docs/deploy.md lists the role's permissions). The client never enters the
# Terraform state: put it into the secret with put-secret-value, then apply with credentials_ready = true.

terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region = var.aws_region
}

module "prebreak" {
  source = "../../modules/aws"

  name              = var.name
  business_unit_ids = var.business_unit_ids
  genesys_region    = var.genesys_region
  lambda_zip        = var.lambda_zip
  config_yaml       = file("${path.module}/prebreak.yaml")

  write_credentials = false
  credentials_ready = var.credentials_ready
  enabled           = var.enabled
  live_version      = var.live_version
}

variable "aws_region" {
  type = string
}

variable "name" {
  type    = string
  default = "prebreak"
}

variable "business_unit_ids" {
  type = list(string)
}

variable "genesys_region" {
  type    = string
  default = "us_east_1"
}

variable "lambda_zip" {
  type    = string
  default = "../../../../aws/target/prebreak-lambda.zip"
}

variable "credentials_ready" {
  description = "Set to true after put-secret-value; the schedules stay DISABLED until then."
  type        = bool
  default     = false
}

variable "enabled" {
  type    = bool
  default = true
}

variable "live_version" {
  type    = string
  default = null
}

output "credentials_secret_arn" {
  value = module.prebreak.credentials_secret_arn
}

output "config_parameter" {
  value = module.prebreak.config_parameter
}

output "schedule_state" {
  value = module.prebreak.schedule_state
}
