variable "name" {
  description = "Name of the OAuth client, and prefix of the role's name."
  type        = string
  default     = "prebreak"
}

variable "pre_break_presence_label" {
  description = "Label (en_US) of the Pre-Break presence created under Break."
  type        = string
  default     = "Pre-Break"
}

variable "division_ids" {
  description = "Divisions in which the OAuth client holds the role: where its agents and presences are. [\"*\"] is all divisions."
  type        = list(string)
  default     = ["*"]

  validation {
    condition     = length(var.division_ids) > 0
    error_message = "Give at least one division id, or [\"*\"] for all divisions."
  }
}

variable "existing_role_id" {
  description = "Use this role (already assigned to Terraform's own OAuth client, in the same divisions) instead of creating one."
  type        = string
  default     = null
}

variable "create_oauth_client" {
  description = "Create prebreak's OAuth client. Terraform's own OAuth client must hold the role first (see docs/deploy.md), so the first apply leaves this false."
  type        = bool
  default     = false
}

variable "expose_client_secret" {
  description = "Have the provider return the client secret (and keep it in the Terraform state) so that it can be written to Secrets Manager."
  type        = bool
  default     = true
}
