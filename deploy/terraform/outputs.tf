output "role_id" {
  description = "After the first apply: assign this role to Terraform's own OAuth client, in the divisions below."
  value       = module.genesys.role_id
}

output "division_ids" {
  value = var.division_ids
}

output "pre_break_presence_id" {
  value = module.genesys.pre_break_presence_id
}

output "genesys_oauth_client_id" {
  value = module.genesys.oauth_client_id
}

output "function_alias_arn" {
  value = module.aws.function_alias_arn
}

output "published_version" {
  value = module.aws.published_version
}

output "live_version" {
  value = module.aws.live_version
}

output "config_parameter" {
  value = module.aws.config_parameter
}

output "credentials_secret_arn" {
  value = module.aws.credentials_secret_arn
}

output "state_table" {
  value = module.aws.state_table
}

output "log_group" {
  value = module.aws.log_group
}

output "dead_letter_queue_url" {
  value = module.aws.dead_letter_queue_url
}

output "schedules" {
  value = module.aws.schedules
}

output "schedule_state" {
  value = module.aws.schedule_state
}

output "dashboard" {
  value = module.aws.dashboard
}
