variable "aws_region" {
  description = "AWS region to deploy prebreak into."
  type        = string
}

variable "name" {
  description = "Name prefix of every resource."
  type        = string
  default     = "prebreak"
}

variable "business_unit_ids" {
  description = "WFM business unit ids to look after; each gets its own schedule."
  type        = list(string)
}

variable "genesys_region" {
  description = "Genesys Cloud region as prebreak names it, such as us_east_1 or eu_central_1."
  type        = string
  default     = "us_east_1"
}

variable "pre_break_presence_label" {
  description = "Label of the Pre-Break presence created under Break."
  type        = string
  default     = "Pre-Break"
}

variable "division_ids" {
  description = "Divisions in which prebreak's OAuth client holds its role. [\"*\"]: all divisions."
  type        = list(string)
  default     = ["*"]
}

variable "existing_role_id" {
  description = "A role Terraform's OAuth client already holds, to use instead of creating one (then a single apply with create_oauth_client = true works)."
  type        = string
  default     = null
}

variable "create_oauth_client" {
  description = "Second apply: create prebreak's OAuth client. Only after the role was assigned to Terraform's own OAuth client."
  type        = bool
  default     = false
}

variable "credentials_via_terraform" {
  description = "Write the new client's secret into Secrets Manager from Terraform (it is then in the state). false: put it in by hand, then set credentials_ready."
  type        = bool
  default     = true
}

variable "credentials_ready" {
  description = "With credentials_via_terraform = false: set to true once the secret holds the client."
  type        = bool
  default     = false
}

variable "enabled" {
  description = "Kill switch: false disables the schedules."
  type        = bool
  default     = true
}

variable "live_version" {
  description = "Roll back: pin the live alias to this earlier published version."
  type        = string
  default     = null
}

variable "lambda_zip" {
  description = "Path of the Lambda package built by mvn package."
  type        = string
  default     = "../../aws/target/prebreak-lambda.zip"
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
