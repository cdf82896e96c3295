# A CloudWatch dashboard over the function's embedded-metric-format metrics (namespace prebreak): ticks
# and failed ticks, changes, Genesys API calls and 429s, tick duration, and Lambda's own errors. Every
# prebreak metric carries the dimension BusinessUnit (the unit a schedule ticks here, one per unit), so
# each graph is a SEARCH that draws one line per unit, and a unit added later appears without a change.
# Metric names must be ones the code emits (TickMetrics.names(); a parity test checks), with the same
# dimension set, {Service, BusinessUnit}, or the graphs stay empty.

locals {
  metrics_namespace = "prebreak"
  # SEARCH('{namespace,dimension,...} MetricName="..."', 'Stat', period): one line per business unit.
  # Each entry of a widget's metrics is a list: an expression alone, or namespace, name, dimensions, options.
  per_unit = "{${local.metrics_namespace},BusinessUnit,Service}"

  dashboard_widgets = [
    {
      title = "Ticks and failed ticks, per business unit"
      metrics = [
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"TickDuration\"', 'SampleCount', 60)", id = "ticks", label = "ticks $${PROP('Dim.BusinessUnit')}" }],
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"TickFailed\"', 'Sum', 60)", id = "failed", label = "failed $${PROP('Dim.BusinessUnit')}" }],
      ]
    },
    {
      title = "Tick duration (ms), per business unit"
      metrics = [
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"TickDuration\"', 'Average', 60)", id = "average", label = "average $${PROP('Dim.BusinessUnit')}" }],
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"TickDuration\"', 'Maximum', 60)", id = "longest", label = "longest $${PROP('Dim.BusinessUnit')}" }],
      ]
    },
    {
      title = "Presence changes, per business unit"
      metrics = [
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"PreBreakApplied\"', 'Sum', 60)", id = "prebreak", label = "Pre-Break $${PROP('Dim.BusinessUnit')}" }],
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"RevertApplied\"', 'Sum', 60)", id = "revert", label = "reverted $${PROP('Dim.BusinessUnit')}" }],
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"AtStartApplied\"', 'Sum', 60)", id = "atstart", label = "at start $${PROP('Dim.BusinessUnit')}" }],
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"PreBreakDryRun\"', 'Sum', 60)", id = "dryrun", label = "dry run $${PROP('Dim.BusinessUnit')}" }],
      ]
    },
    {
      title = "Failed and uncertain writes, per business unit"
      metrics = [
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"WriteFailures\"', 'Sum', 60)", id = "writefailures", label = "failed $${PROP('Dim.BusinessUnit')}" }],
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"PreBreakUncertain\"', 'Sum', 60)", id = "uncertain", label = "uncertain $${PROP('Dim.BusinessUnit')}" }],
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"FailedUnits\"', 'Sum', 60)", id = "failedunits", label = "units failed $${PROP('Dim.BusinessUnit')}" }],
      ]
    },
    {
      title = "Genesys API calls, 429s and retries, per business unit"
      metrics = [
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"ApiCalls\"', 'Sum', 60)", id = "calls", label = "calls $${PROP('Dim.BusinessUnit')}" }],
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"RateLimited\"', 'Sum', 60)", id = "throttled", label = "429s $${PROP('Dim.BusinessUnit')}" }],
        [{ expression = "SEARCH('${local.per_unit} MetricName=\"ApiRetries\"', 'Sum', 60)", id = "retries", label = "retries $${PROP('Dim.BusinessUnit')}" }],
      ]
    },
    {
      title = "Lambda errors and throttles"
      metrics = [
        ["AWS/Lambda", "Errors", "FunctionName", local.function_name, { stat = "Sum", label = "errors" }],
        ["AWS/Lambda", "Throttles", "FunctionName", local.function_name, { stat = "Sum", label = "throttles" }],
      ]
    },
  ]
}

data "aws_region" "dashboard" {}

resource "aws_cloudwatch_dashboard" "prebreak" {
  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = [
      for i, w in local.dashboard_widgets : {
        type   = "metric"
        x      = (i % 2) * 12
        y      = floor(i / 2) * 6
        width  = 12
        height = 6
        properties = {
          title   = w.title
          region  = data.aws_region.dashboard.name
          view    = "timeSeries"
          stacked = false
          period  = 60
          metrics = w.metrics
        }
      }
    ]
  })
}
