# The Genesys Cloud side of prebreak: the Pre-Break presence, a role with exactly the permissions the
# code needs, and an OAuth client (client credentials) holding that role in the chosen divisions.
#
# The provider's rule for genesyscloud_oauth_client (v1.84.x, see docs/deploy.md): the roles given to
# the new client must already be assigned to the OAuth client Terraform itself runs with. With a
# client-credentials token the provider does not assign them; so this module creates the role first,
# and the client only when create_oauth_client is true (after the role was given to Terraform's client),
# or takes an existing role the Terraform client already holds (existing_role_id).

locals {
  # Every permission prebreak's calls need, and nothing else: the published-schedule search, business
  # and management units, activity codes and unit members (all accept wfm:publishedSchedule:view), the
  # presence definitions, and the bulk presence write. GET /api/v2/users needs none.
  permissions = [
    "wfm:publishedSchedule:view",
    "presence:presenceDefinition:view",
    "presence:userPresence:edit",
  ]

  role_id = var.existing_role_id == null ? genesyscloud_auth_role.prebreak[0].id : var.existing_role_id
}

# A secondary presence under Break: setting it takes the agent off queue, and WFM can count it as
# adherent to the break (map it in the Break activity code's adherence settings).
resource "genesyscloud_organization_presence_definition" "pre_break" {
  language_labels = {
    en_US = var.pre_break_presence_label
  }
  system_presence = "Break"
}

resource "genesyscloud_auth_role" "prebreak" {
  count = var.existing_role_id == null ? 1 : 0

  name        = "${var.name} automation"
  description = "Reads published WFM schedules and sets the Pre-Break presence"

  dynamic "permission_policies" {
    for_each = local.permissions
    content {
      domain      = split(":", permission_policies.value)[0]
      entity_name = split(":", permission_policies.value)[1]
      action_set  = [split(":", permission_policies.value)[2]]
    }
  }
}

resource "genesyscloud_oauth_client" "prebreak" {
  count = var.create_oauth_client ? 1 : 0

  name                          = var.name
  description                   = "prebreak Lambda (client credentials)"
  authorized_grant_type         = "CLIENT-CREDENTIALS"
  access_token_validity_seconds = 86400
  # true stores the client secret in the Terraform state (so that it can be written to Secrets Manager);
  # false keeps it out, and you put it into the secret by hand. See docs/deploy.md.
  expose_client_secret = var.expose_client_secret

  # One grant per division: "*" is every division, present and future.
  dynamic "roles" {
    for_each = toset(var.division_ids)
    content {
      role_id     = local.role_id
      division_id = roles.value
    }
  }
}
