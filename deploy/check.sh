#!/usr/bin/env bash
# Offline checks of the infrastructure code, run by CI (.ci/run):
#   1. cfn-lint on the SAM template (with the SAM translator);
#   2. terraform fmt of everything under deploy/terraform;
#   3. a strict HCL parse of every .tf file (@cdktf/hcl2json, from npm);
#   4. terraform init, validate and plan -refresh=false of the AWS module and of the example that uses
#      it, against a local provider mirror (no network) and with fake AWS credentials; the plans are
#      then checked: schedules DISABLED until the credentials are in place or when switched off,
#      created after the secret's value and the scheduler's policy, the dashboard as rendered, and the
#      resource count;
#   5. systemd-analyze verify of the unit in deploy/systemd, where systemd is installed.
# A missing tool or mirror is skipped with a message (the Java tests in aws/ still check the templates'
# structure, and the Genesys module against the provider's schema); any failure exits non-zero.
#
# The mirror is a directory in the registry layout, holding registry.terraform.io/hashicorp/aws/<version>/.
# Set PREBREAK_TF_MIRROR to it, or let this script find it as <dir>/registry.terraform.io within three
# levels of /. The Genesys provider (mypurecloud/genesyscloud) is not in such a mirror: the root that
# composes both modules is checked by fmt, the HCL parse and the Java schema test only.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

say() { echo "deploy/check: $*"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- 1. SAM -------------------------------------------------------------------------------------------
if command -v cfn-lint >/dev/null 2>&1; then
  say "$(cfn-lint --version)"
  cfn-lint deploy/sam/template.yaml
  say "cfn-lint passed"
else
  say "cfn-lint not on PATH, SAM template lint skipped"
fi

# --- 2. terraform fmt ---------------------------------------------------------------------------------
have_terraform=false
if command -v terraform >/dev/null 2>&1; then
  have_terraform=true
  # An empty CLI configuration: no user settings, no network installation by accident.
  : >"$work/empty.tfrc"
  export TF_CLI_CONFIG_FILE="$work/empty.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
  say "$(terraform version | head -1)"
  terraform fmt -check -recursive deploy/terraform
  say "terraform fmt passed"
else
  say "terraform not on PATH, terraform fmt, validate and plan skipped"
fi

# --- 3. strict HCL parse ------------------------------------------------------------------------------
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  npm install --prefix "$work/npm" --no-audit --no-fund --silent @cdktf/hcl2json >/dev/null
  # hcl2json rejects syntax errors with their position; it only parses, it needs no provider.
  TF_FILES="$(find deploy/terraform -name '*.tf' | sort)" node -e '
    const { parse } = require(process.argv[1]);
    const fs = require("fs");
    (async () => {
      let failed = 0;
      const files = process.env.TF_FILES.split("\n").filter(Boolean);
      for (const file of files) {
        try {
          await parse(file, fs.readFileSync(file, "utf8"));
        } catch (e) {
          failed++;
          console.error("deploy/check: " + file + ": " + (e.message || e));
        }
      }
      if (failed) process.exit(1);
      console.log("deploy/check: strict HCL parse passed (" + files.length + " files)");
    })();
  ' "$work/npm/node_modules/@cdktf/hcl2json"
else
  say "npm not on PATH, strict HCL parse skipped"
fi

# --- 5. the systemd unit -------------------------------------------------------------------------------
# Verified here, before the Terraform steps that may end the script early. `verify` loads the unit as
# systemd would (unknown keys, bad values, a missing ExecStart binary); `security --offline` scores its
# hardening (0 safest, 10 most exposed) and fails above 3.0.
unit=deploy/systemd/prebreak.service
if command -v systemd-analyze >/dev/null 2>&1; then
  out="$(systemd-analyze verify "$unit" 2>&1)" || { echo "$out" >&2; say "systemd-analyze verify failed on $unit" >&2; exit 1; }
  [ -z "$out" ] || { echo "$out" >&2; say "systemd-analyze verify warns about $unit" >&2; exit 1; }
  say "systemd-analyze verify passed ($unit)"
  if systemd-analyze security --help 2>/dev/null | grep -q -- '--offline'; then
    exposure="$(systemd-analyze security --offline=yes --threshold=30 "$unit" 2>&1)" ||
      { echo "$exposure" >&2; say "$unit is more exposed than 3.0" >&2; exit 1; }
    say "$(grep -o 'Overall exposure level.*' <<<"$exposure" | sed 's/ [^ ]*$//')"
  fi
else
  say "systemd-analyze not on PATH (Debian: apt-get install systemd), the systemd unit is not verified"
fi

# --- 4. terraform init, validate, plan against the local mirror ---------------------------------------
$have_terraform || exit 0

mirror="${PREBREAK_TF_MIRROR:-}"
if [ -z "$mirror" ]; then
  found="$(find / -maxdepth 3 -type d -name registry.terraform.io 2>/dev/null | head -1 || true)"
  [ -n "$found" ] && mirror="$(dirname "$found")"
fi
if [ -z "$mirror" ] || ! ls -d "$mirror"/registry.terraform.io/hashicorp/aws/*/ >/dev/null 2>&1; then
  say "no local provider mirror with hashicorp/aws (set PREBREAK_TF_MIRROR, or none within three levels of /):"
  say "terraform init, validate and plan skipped; fmt and the HCL parse above still ran"
  exit 0
fi
say "provider mirror: $mirror ($(cd "$mirror/registry.terraform.io/hashicorp/aws" && ls | tr '\n' ' '))"

if ! command -v jq >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    say "installing jq (reads the plans)"
    (apt-get install -y -qq jq >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq jq >/dev/null; })
  fi
fi
command -v jq >/dev/null 2>&1 || { say "jq missing and not installable: plans are not checked" >&2; exit 1; }

# Providers only from the mirror; anything else would need the network, and fails instead.
cat >"$work/mirror.tfrc" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
EOF
export TF_CLI_CONFIG_FILE="$work/mirror.tfrc"
unset TF_DATA_DIR TF_PLUGIN_CACHE_DIR AWS_PROFILE AWS_SESSION_TOKEN
# Fake credentials: plan -refresh=false reads nothing from AWS, and the provider is told not to check them.
export AWS_ACCESS_KEY_ID=check AWS_SECRET_ACCESS_KEY=check AWS_REGION=eu-west-1

# A copy of deploy/terraform, so that .terraform/, lock files and plans never land in the repository.
cp -R deploy/terraform "$work/tf"
# The plan hashes the package (filebase64sha256): any file will do.
printf 'not a real function\n' >"$work/lambda.zip"
zip="$work/lambda.zip"

offline_provider='provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "check"
  secret_key                  = "check"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}'
# The module has no provider block of its own: give it one. The example has one: override it.
printf '%s\n' "$offline_provider" >"$work/tf/modules/aws/check_provider.tf"
printf '%s\n' "$offline_provider" >"$work/tf/examples/existing-oauth-client/check_provider_override.tf"

init_and_validate() { # dir
  (cd "$1" && terraform init -input=false -no-color -backend=false >"$work/init.log" 2>&1) ||
    { cat "$work/init.log" >&2; say "terraform init failed in ${1#"$work"/}" >&2; exit 1; }
  (cd "$1" && terraform validate -no-color) | grep -v "^$" | sed "s|^|deploy/check: ${1#"$work"/}: |"
}

# plan <dir> <name> [-var ...]: writes $work/<name>.json and prints the planned resource count.
plan() {
  local dir="$1" name="$2"
  shift 2
  (cd "$dir" && terraform plan -refresh=false -input=false -no-color -lock=false -out="$work/$name.plan" "$@" >"$work/$name.log" 2>&1) ||
    { cat "$work/$name.log" >&2; say "terraform plan $name failed" >&2; exit 1; }
  (cd "$dir" && terraform show -json "$work/$name.plan") >"$work/$name.json"
  grep -E '^Plan: ' "$work/$name.log" | sed "s|^|deploy/check: plan $name: |"
}

# Values of the planned schedules' state, one per line.
schedule_states() { jq -r '[.resource_changes[] | select(.type == "aws_scheduler_schedule") | .change.after.state] | .[]' "$work/$1.json"; }

expect_states() { # plan-name expected-state why
  local states
  states="$(schedule_states "$1" | sort -u | tr '\n' ' ')"
  if [ "$states" != "$2 " ]; then
    say "plan $1: schedules are '$states', expected $2: $3" >&2
    exit 1
  fi
  say "plan $1: schedules $2 ($3)"
}

module="$work/tf/modules/aws"
example="$work/tf/examples/existing-oauth-client"
init_and_validate "$module"
init_and_validate "$example"

bus='["00000000-0000-0000-0000-000000000001","00000000-0000-0000-0000-000000000002"]'
config="$(cat deploy/terraform/examples/existing-oauth-client/prebreak.yaml)"

plan "$module" module-new -var "lambda_zip=$zip" -var "business_unit_ids=$bus" -var "config_yaml=$config"
expect_states module-new DISABLED "the secret is still empty"
plan "$module" module-ready -var "lambda_zip=$zip" -var "business_unit_ids=$bus" -var "config_yaml=$config" -var credentials_ready=true
expect_states module-ready ENABLED "credentials put in by hand"
plan "$module" module-written -var "lambda_zip=$zip" -var "business_unit_ids=$bus" -var "config_yaml=$config" \
  -var write_credentials=true -var genesys_client_id=client -var genesys_client_secret=secret
expect_states module-written ENABLED "credentials written by Terraform"
plan "$module" module-off -var "lambda_zip=$zip" -var "business_unit_ids=$bus" -var "config_yaml=$config" \
  -var credentials_ready=true -var enabled=false
expect_states module-off DISABLED "kill switch"
plan "$module" module-rollback -var "lambda_zip=$zip" -var "business_unit_ids=$bus" -var "config_yaml=$config" -var live_version=3
[ "$(jq -r '.resource_changes[] | select(.address == "aws_lambda_alias.live") | .change.after.function_version' "$work/module-rollback.json")" = 3 ] ||
  { say "plan module-rollback: the live alias does not follow live_version" >&2; exit 1; }
say "plan module-rollback: live alias pinned to version 3"

# The schedules wait for the secret's value, the scheduler's permission and the failure destination,
# so a failed apply never leaves schedules invoking a function that can only fail.
deps="$(jq -r '.configuration.root_module.resources[] | select(.address == "aws_scheduler_schedule.tick") | .depends_on[]' "$work/module-new.json" | sort | tr '\n' ' ')"
for needed in aws_secretsmanager_secret_version.genesys aws_iam_role_policy.scheduler aws_lambda_function_event_invoke_config.tick; do
  case " $deps" in
    *" $needed "*) ;;
    *) say "aws_scheduler_schedule.tick does not depend on $needed (depends on: $deps)" >&2; exit 1 ;;
  esac
done
say "schedules depend on: $deps"

# The secret's value is written only when asked, and the configuration parameter holds the YAML as given.
[ "$(jq '[.resource_changes[] | select(.type == "aws_secretsmanager_secret_version")] | length' "$work/module-new.json")" = 0 ] ||
  { say "plan module-new writes a secret value although write_credentials is false" >&2; exit 1; }
[ "$(jq -r '.resource_changes[] | select(.address == "aws_ssm_parameter.config") | .change.after.insecure_value' "$work/module-new.json")" = "$config" ] ||
  { say "the configuration parameter does not hold config_yaml" >&2; exit 1; }

# The dashboard as Terraform renders it (jsonencode, the $${...} escapes): widgets over the namespace and
# dimensions the function's metrics have, one line per business unit, in the provider's region.
dashboard="$(jq -r '.resource_changes[] | select(.address == "aws_cloudwatch_dashboard.prebreak") | .change.after.dashboard_body' "$work/module-new.json")"
[ -n "$dashboard" ] && [ "$dashboard" != null ] || { say "plan module-new has no dashboard" >&2; exit 1; }
widgets="$(jq '.widgets | length' <<<"$dashboard")"
searches="$(jq -r '[.widgets[].properties.metrics[][] | objects | .expression // empty] | .[]' <<<"$dashboard")"
if [ "$widgets" -lt 6 ] || grep -qv "^SEARCH('{prebreak,BusinessUnit,Service} MetricName=\"[A-Za-z]*\"', '[A-Za-z]*', 60)\$" <<<"$searches" ||
  [ "$(jq -r '[.widgets[].properties.region] | unique | .[]' <<<"$dashboard")" != eu-west-1 ] ||
  ! jq -e '[.widgets[].properties.metrics[][] | objects | select(.expression) | .label] | all(contains("${PROP('"'"'Dim.BusinessUnit'"'"')}"))' <<<"$dashboard" >/dev/null; then
  say "the dashboard does not render as expected:" >&2
  jq . <<<"$dashboard" >&2
  exit 1
fi
say "plan module-new: dashboard of $widgets widgets, $(wc -l <<<"$searches") per-unit searches over {prebreak,BusinessUnit,Service}"

plan "$example" example -var "lambda_zip=$zip" -var "business_unit_ids=$bus" -var aws_region=eu-west-1
expect_states example DISABLED "the example's secret is filled by hand"
[ "$(jq -r '.resource_changes[] | select(.address == "module.prebreak.aws_ssm_parameter.config") | .change.after.insecure_value' "$work/example.json")" = "$config" ] ||
  { say "the example's parameter does not hold its prebreak.yaml" >&2; exit 1; }

say "terraform init, validate and plan passed (AWS module and examples/existing-oauth-client, offline)"
