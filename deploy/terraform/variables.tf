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

variable "rule_name" {
  description = "Name of the rule; the state table keys on it."
  type        = string
  default     = "breaks"
}

variable "rule_categories" {
  description = "Activity categories the rule covers."
  type        = list(string)
  default     = ["Break", "Meal"]
}

variable "rule_lead" {
  description = "How long before the activity the presence is set (1m to 2h)."
  type        = string
  default     = "15m"
}

variable "pre_break_presence_label" {
  description = "Label of the Pre-Break presence created under Break."
  type        = string
  default     = "Pre-Break"
}

variable "dry_run" {
  description = "Plan and log only, change nothing. Start with true."
  type        = bool
  default     = true
}

variable "max_changes_per_tick" {
  description = "Safety cap on presence changes per tick (per schedule)."
  type        = number
  default     = 5000
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
