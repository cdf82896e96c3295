# prebreak on AWS with its Genesys Cloud objects, in two applies (docs/deploy.md):
#   1. create_oauth_client = false: the presence, the role, and the AWS side with its schedules DISABLED.
#   2. Give the role to Terraform's own OAuth client (the provider requires it), then
#      create_oauth_client = true: prebreak's OAuth client, its secret, and the schedules ENABLED.

module "genesys" {
  source = "./modules/genesys"

  name                     = var.name
  pre_break_presence_label = var.pre_break_presence_label
  division_ids             = var.division_ids
  existing_role_id         = var.existing_role_id
  create_oauth_client      = var.create_oauth_client
  expose_client_secret     = var.credentials_via_terraform
}

module "aws" {
  source = "./modules/aws"

  name              = var.name
  business_unit_ids = var.business_unit_ids
  genesys_region    = var.genesys_region
  lambda_zip        = var.lambda_zip
  config_yaml = templatefile("${path.module}/prebreak.yaml.tftpl", {
    pre_break_presence_id = module.genesys.pre_break_presence_id
  })

  write_credentials     = var.create_oauth_client && var.credentials_via_terraform
  genesys_client_id     = module.genesys.oauth_client_id
  genesys_client_secret = module.genesys.oauth_client_secret
  credentials_ready     = var.credentials_ready

  enabled            = var.enabled
  live_version       = var.live_version
  log_retention_days = var.log_retention_days
  alarm_topic_arn    = var.alarm_topic_arn
}
