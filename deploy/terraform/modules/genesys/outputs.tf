output "pre_break_presence_id" {
  value = genesyscloud_organization_presence_definition.pre_break.id
}

output "role_id" {
  description = "The role prebreak's OAuth client holds; assign it to Terraform's own OAuth client before create_oauth_client."
  value       = local.role_id
}

output "permissions" {
  value = local.permissions
}

output "oauth_client_id" {
  description = "null until create_oauth_client is true."
  value       = var.create_oauth_client ? genesyscloud_oauth_client.prebreak[0].id : null
}

output "oauth_client_secret" {
  description = "null unless the client exists and expose_client_secret is true."
  value       = var.create_oauth_client && var.expose_client_secret ? genesyscloud_oauth_client.prebreak[0].client_secret : null
  sensitive   = true
}
