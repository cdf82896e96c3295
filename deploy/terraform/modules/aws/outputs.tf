output "function_name" {
  value = aws_lambda_function.tick.function_name
}

output "function_alias_arn" {
  description = "The published alias the schedules invoke (SnapStart applies to it)."
  value       = aws_lambda_alias.live.arn
}

output "published_version" {
  description = "The version this apply published; the alias points here unless live_version pins it."
  value       = aws_lambda_function.tick.version
}

output "live_version" {
  description = "The version the live alias runs."
  value       = aws_lambda_alias.live.function_version
}

output "config_parameter" {
  description = "SSM parameter holding the YAML configuration."
  value       = aws_ssm_parameter.config.name
}

output "state_table" {
  value = aws_dynamodb_table.state.name
}

output "log_group" {
  value = aws_cloudwatch_log_group.tick.name
}

output "credentials_secret_arn" {
  value = aws_secretsmanager_secret.genesys.arn
}

output "dead_letter_queue_url" {
  value = aws_sqs_queue.dead_letters.url
}

output "schedules" {
  description = "Schedule name per business unit."
  value       = { for bu, s in aws_scheduler_schedule.tick : bu => s.name }
}

output "schedule_state" {
  description = "ENABLED, or DISABLED while the kill switch is off or the credentials are not in place."
  value       = local.schedule_state
}

output "dashboard" {
  description = "The CloudWatch dashboard: ticks, changes, API calls and 429s, duration, per business unit."
  value       = aws_cloudwatch_dashboard.prebreak.dashboard_name
}
