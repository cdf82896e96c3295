output "function_alias_arn" {
  description = "The published alias the schedules invoke (SnapStart applies to it)."
  value       = aws_lambda_alias.live.arn
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

output "genesys_oauth_client_id" {
  value = genesyscloud_oauth_client.prebreak.id
}

output "pre_break_presence_id" {
  value = genesyscloud_organization_presence_definition.pre_break.id
}

output "schedules" {
  description = "Schedule name per business unit."
  value       = { for bu, s in aws_scheduler_schedule.tick : bu => s.name }
}
