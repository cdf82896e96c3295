variable "name" {
  description = "Name prefix of every resource (and of the configuration parameter, /<name>/config)."
  type        = string
  default     = "prebreak"

  validation {
    condition     = can(regex("^[A-Za-z0-9-]{1,40}$", var.name))
    error_message = "Use 1 to 40 letters, digits or hyphens: the function name <name>-tick must stay within 64 characters."
  }
}

variable "business_unit_ids" {
  description = "WFM business unit ids to look after; each gets its own schedule."
  type        = list(string)

  validation {
    condition     = length(var.business_unit_ids) > 0
    error_message = "Give at least one business unit id."
  }
}

variable "genesys_region" {
  description = "Genesys Cloud region as prebreak names it, such as us_east_1 or eu_central_1."
  type        = string
  default     = "us_east_1"
}

variable "config_yaml" {
  description = "The prebreak configuration as YAML (rules, dryRun, maxChangesPerTick, tick); stored in an SSM parameter. The region, credentials, business units and state table come from this module and need not be in it."
  type        = string

  validation {
    condition     = can(keys(yamldecode(var.config_yaml)))
    error_message = "config_yaml must be YAML holding a mapping of settings, as prebreak.yaml does."
  }
}

variable "write_credentials" {
  description = "Write genesys_client_id and genesys_client_secret into the credentials secret. They are then in the Terraform state as well. false: put them in by hand (aws secretsmanager put-secret-value) and then set credentials_ready."
  type        = bool
  default     = false
}

variable "genesys_client_id" {
  description = "Client id of prebreak's Genesys Cloud OAuth client (client credentials); used when write_credentials is true."
  type        = string
  default     = null
}

variable "genesys_client_secret" {
  description = "Its secret; used when write_credentials is true."
  type        = string
  default     = null
  sensitive   = true
}

variable "credentials_ready" {
  description = "Set to true once the credentials secret holds the OAuth client put in by hand. Until then (without write_credentials) the schedules are created DISABLED, so no tick fails for want of credentials."
  type        = bool
  default     = false
}

variable "enabled" {
  description = "Kill switch: false disables every schedule (no tick runs); the function, table and state stay."
  type        = bool
  default     = true
}

variable "live_version" {
  description = "Pin the live alias to this published version of the function (a rollback). null: the version this apply published."
  type        = string
  default     = null

  validation {
    condition     = var.live_version == null || can(regex("^[0-9]+$", var.live_version))
    error_message = "live_version is a published version number, such as \"7\"."
  }
}

variable "lambda_zip" {
  description = "Path of the Lambda package built by mvn package (aws/target/prebreak-lambda.zip)."
  type        = string
}

variable "log_retention_days" {
  description = "How long the function's logs are kept."
  type        = number
  default     = 30
}

variable "alarm_topic_arn" {
  description = "Optional SNS topic the alarms notify."
  type        = string
  default     = ""
}
