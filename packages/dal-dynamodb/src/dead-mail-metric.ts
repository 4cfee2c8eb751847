/**
 * The CloudWatch metric a mail sender publishes for each outbox message it gives up on (marks
 * dead), and an alarm on dead mail watches: named here once, for the sender that writes it and
 * the stack that alarms on it. Its one dimension is the Lambda function's name, so that two
 * deployments in one account and region alarm each on its own mail.
 */
export const DEAD_MAIL_METRIC = {
  namespace: 'IELTSGenAIPrep',
  metricName: 'DeadMail',
  functionNameDimension: 'FunctionName',
} as const;
