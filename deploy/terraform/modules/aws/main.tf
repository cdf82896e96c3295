# The AWS side of prebreak: the configuration parameter, the credentials secret, the state table, the
# function and its published alias, one schedule per business unit, and alarms. It needs an OAuth
# client of Genesys Cloud, made by ../genesys or by hand.

locals {
  function_name = "${var.name}-tick"
  handler       = "dev.prebreak.aws.TickHandler::handleRequest"
  runtime       = "java21"
  schedule      = "cron(* * * * ? *)"

  # The schedules run only once the secret holds an OAuth client: written here from the inputs, or put
  # in by hand and confirmed with credentials_ready. Before that a tick could only fail, every minute.
  credentials_in_place = var.write_credentials || var.credentials_ready
  schedule_state       = var.enabled && local.credentials_in_place ? "ENABLED" : "DISABLED"

  # What belongs to this deployment stays in the environment; the rules, dryRun and the cap are in the
  # configuration parameter (PREBREAK_CONFIG), which a variable set here would override.
  environment = {
    PREBREAK_CONFIG               = "ssm:${aws_ssm_parameter.config.name}"
    PREBREAK_GENESYS_REGION       = var.genesys_region
    PREBREAK_GENESYS_CREDENTIALS  = "secretsmanager:${aws_secretsmanager_secret.genesys.arn}"
    PREBREAK_SCOPE_BUSINESS_UNITS = join(",", var.business_unit_ids)
    PREBREAK_STATE_STORE          = "dynamodb"
    PREBREAK_STATE_TABLE          = aws_dynamodb_table.state.name
    POWERTOOLS_SERVICE_NAME       = "prebreak"
    POWERTOOLS_METRICS_NAMESPACE  = "prebreak"
    POWERTOOLS_LOG_LEVEL          = "INFO"
    JAVA_TOOL_OPTIONS             = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  }

  alarm_actions = var.alarm_topic_arn == "" ? [] : [var.alarm_topic_arn]
}

# The whole YAML configuration, as in prebreak.yaml. The function reads it on its first invocation and
# checks it again every minute, so a change here (dryRun: true as a kill switch) needs no new version.
resource "aws_ssm_parameter" "config" {
  name        = "/${var.name}/config"
  description = "prebreak configuration (YAML); the function's PREBREAK_* variables override it"
  type        = "String"
  tier        = length(var.config_yaml) > 4096 ? "Advanced" : "Standard"
  # Not a secret: shown in plans, so that a change of rules can be reviewed there.
  insecure_value = var.config_yaml
}

resource "aws_secretsmanager_secret" "genesys" {
  name_prefix = "${var.name}/genesys-"
  description = "Genesys Cloud OAuth client for prebreak, as {\"clientId\",\"clientSecret\"}"
}

# Only when the client is given to Terraform: the secret is then in the Terraform state too (encrypt
# and lock the state, see docs/deploy.md). Otherwise put it in by hand and set credentials_ready.
resource "aws_secretsmanager_secret_version" "genesys" {
  count = var.write_credentials ? 1 : 0

  secret_id = aws_secretsmanager_secret.genesys.id
  secret_string = jsonencode({
    clientId     = var.genesys_client_id
    clientSecret = var.genesys_client_secret
  })

  lifecycle {
    precondition {
      condition     = var.genesys_client_id != null && var.genesys_client_secret != null
      error_message = "write_credentials is true: give genesys_client_id and genesys_client_secret."
    }
  }
}

resource "aws_dynamodb_table" "state" {
  name         = "${var.name}-state"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

resource "aws_cloudwatch_log_group" "tick" {
  name              = "/aws/lambda/${local.function_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_sqs_queue" "dead_letters" {
  name                      = "${var.name}-tick-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "tick" {
  name_prefix        = "${var.name}-tick-"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "tick" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.tick.arn}:*"]
  }

  statement {
    sid       = "ReadConfiguration"
    actions   = ["ssm:GetParameter"]
    resources = [aws_ssm_parameter.config.arn]
  }

  statement {
    sid       = "ReadGenesysCredentials"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.genesys.arn]
  }

  statement {
    sid       = "StateAndAudit"
    actions   = ["dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]
    resources = [aws_dynamodb_table.state.arn]
  }

  statement {
    sid       = "FailedTicksToDeadLetterQueue"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letters.arn]
  }
}

resource "aws_iam_role_policy" "tick" {
  name   = "prebreak-tick"
  role   = aws_iam_role.tick.id
  policy = data.aws_iam_policy_document.tick.json
}

resource "aws_lambda_function" "tick" {
  function_name    = local.function_name
  description      = "One prebreak tick per invocation"
  filename         = var.lambda_zip
  source_code_hash = filebase64sha256(var.lambda_zip)
  handler          = local.handler
  runtime          = local.runtime
  architectures    = ["arm64"]
  memory_size      = 1024
  timeout          = 55
  role             = aws_iam_role.tick.arn
  publish          = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  logging_config {
    log_format            = "JSON"
    log_group             = aws_cloudwatch_log_group.tick.name
    application_log_level = "INFO"
    system_log_level      = "WARN"
  }

  environment {
    variables = local.environment
  }

  depends_on = [aws_iam_role_policy.tick]
}

# The schedules invoke this alias. It follows each newly published version, unless live_version pins
# it to an earlier one (a rollback without rebuilding anything).
resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.tick.function_name
  function_version = var.live_version == null ? aws_lambda_function.tick.version : var.live_version
}

# Scheduler invokes asynchronously: its retry policy covers delivery only. A tick that throws is
# retried once by Lambda while still about its minute, then recorded in the dead-letter queue.
resource "aws_lambda_function_event_invoke_config" "tick" {
  function_name                = aws_lambda_function.tick.function_name
  qualifier                    = aws_lambda_alias.live.name
  maximum_retry_attempts       = 1
  maximum_event_age_in_seconds = 120

  destination_config {
    on_failure {
      destination = aws_sqs_queue.dead_letters.arn
    }
  }
}

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name_prefix        = "${var.name}-scheduler-"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_alias.live.arn]
  }

  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letters.arn]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "invoke-prebreak-tick"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}

# One schedule per business unit: each invocation ticks one unit, so large orgs scale out. Created
# last: only after the secret has its value, the scheduler may invoke, and failed ticks have a place to go.
resource "aws_scheduler_schedule" "tick" {
  for_each = toset(var.business_unit_ids)

  name                         = "${var.name}-${substr(each.value, 0, 36)}"
  description                  = "prebreak tick for business unit ${each.value}"
  schedule_expression          = local.schedule
  schedule_expression_timezone = "UTC"
  state                        = local.schedule_state

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_alias.live.arn
    role_arn = aws_iam_role.scheduler.arn
    input    = jsonencode({ businessUnitIds = [each.value] })

    retry_policy {
      maximum_retry_attempts       = 2
      maximum_event_age_in_seconds = 120
    }

    dead_letter_config {
      arn = aws_sqs_queue.dead_letters.arn
    }
  }

  depends_on = [
    aws_secretsmanager_secret_version.genesys,
    aws_iam_role_policy.scheduler,
    aws_iam_role_policy.tick,
    aws_lambda_function_event_invoke_config.tick,
  ]
}

resource "aws_cloudwatch_metric_alarm" "tick_errors" {
  alarm_name          = "${local.function_name}-errors"
  alarm_description   = "prebreak ticks are failing (see the log group for \"tick failed\")"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.tick.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  alarm_name          = "${local.function_name}-dead-letters"
  alarm_description   = "Scheduler gave up on prebreak ticks; they are in the dead-letter queue"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dead_letters.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
}
