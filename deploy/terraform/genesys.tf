# The Genesys Cloud side: the presence prebreak sets, and an OAuth client allowed to do exactly that.

data "genesyscloud_auth_division_home" "home" {}

# A secondary presence under Break: setting it takes the agent off queue, and WFM can count it as
# adherent to the break (map it in the Break activity code's adherence settings).
resource "genesyscloud_organization_presence_definition" "pre_break" {
  language_labels = {
    en_US = var.pre_break_presence_label
  }
  system_presence = "Break"
}

locals {
  # Every permission prebreak needs, and nothing else (see docs/deploy.md).
  genesys_permissions = [
    { domain = "wfm", entity_name = "publishedSchedule", action_set = ["view"] },
    { domain = "wfm", entity_name = "activityCode", action_set = ["view"] },
    { domain = "wfm", entity_name = "agent", action_set = ["view"] },
    { domain = "presence", entity_name = "presenceDefinition", action_set = ["view"] },
    { domain = "presence", entity_name = "userPresence", action_set = ["edit"] },
    { domain = "directory", entity_name = "user", action_set = ["view"] },
  ]
}

resource "genesyscloud_auth_role" "prebreak" {
  name        = "${var.name} automation"
  description = "Reads published WFM schedules and sets the Pre-Break presence"

  dynamic "permission_policies" {
    for_each = local.genesys_permissions
    content {
      domain      = permission_policies.value.domain
      entity_name = permission_policies.value.entity_name
      action_set  = permission_policies.value.action_set
    }
  }
}

resource "genesyscloud_oauth_client" "prebreak" {
  name                          = var.name
  description                   = "prebreak Lambda (client credentials)"
  authorized_grant_type         = "CLIENT-CREDENTIALS"
  access_token_validity_seconds = 86400
  expose_client_secret          = true

  roles {
    role_id     = genesyscloud_auth_role.prebreak.id
    division_id = data.genesyscloud_auth_division_home.home.id
  }
}
