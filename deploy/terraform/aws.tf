# The AWS side: the secret, the state table, the function, one schedule per business unit, alarms.

locals {
  function_name = "${var.name}-tick"
  handler       = "dev.prebreak.aws.TickHandler::handleRequest"
  runtime       = "java21"
  schedule      = "cron(* * * * ? *)"

  environment = {
    PREBREAK_GENESYS_REGION       = var.genesys_region
    PREBREAK_GENESYS_CREDENTIALS  = "secretsmanager:${aws_secretsmanager_secret.genesys.arn}"
    PREBREAK_SCOPE_BUSINESS_UNITS = join(",", var.business_unit_ids)
    PREBREAK_RULES_0_NAME         = var.rule_name
    PREBREAK_RULES_0_CATEGORIES   = join(",", var.rule_categories)
    PREBREAK_RULES_0_LEAD         = var.rule_lead
    PREBREAK_RULES_0_PRESENCE     = genesyscloud_organization_presence_definition.pre_break.id
    PREBREAK_TICK                 = "60s"
    PREBREAK_DRY_RUN              = tostring(var.dry_run)
    PREBREAK_MAX_CHANGES_PER_TICK = tostring(var.max_changes_per_tick)
    PREBREAK_STATE_STORE          = "dynamodb"
    PREBREAK_STATE_TABLE          = aws_dynamodb_table.state.name
    POWERTOOLS_SERVICE_NAME       = "prebreak"
    POWERTOOLS_METRICS_NAMESPACE  = "prebreak"
    POWERTOOLS_LOG_LEVEL          = "INFO"
    JAVA_TOOL_OPTIONS             = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  }

  alarm_actions = var.alarm_topic_arn == "" ? [] : [var.alarm_topic_arn]
}

resource "aws_secretsmanager_secret" "genesys" {
  name_prefix = "${var.name}/genesys-"
  description = "Genesys Cloud OAuth client for prebreak, as {\"clientId\",\"clientSecret\"}"
}

resource "aws_secretsmanager_secret_version" "genesys" {
  secret_id = aws_secretsmanager_secret.genesys.id
  secret_string = jsonencode({
    clientId     = genesyscloud_oauth_client.prebreak.id
    clientSecret = genesyscloud_oauth_client.prebreak.client_secret
  })
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

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.tick.function_name
  function_version = aws_lambda_function.tick.version
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

# One schedule per business unit: each invocation ticks one unit, so large orgs scale out.
resource "aws_scheduler_schedule" "tick" {
  for_each = toset(var.business_unit_ids)

  name                         = "${var.name}-${substr(each.value, 0, 36)}"
  description                  = "prebreak tick for business unit ${each.value}"
  schedule_expression          = local.schedule
  schedule_expression_timezone = "UTC"
  state                        = "ENABLED"

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
