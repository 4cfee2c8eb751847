import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IeltsGenAiPrepStack } from './ielts-stack.js';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A setting from CDK context (`cdk deploy -c name=value`) or, failing that, the environment. */
function setting(app: App, contextName: string, environmentName: string): string | undefined {
  const value = (app.node.tryGetContext(contextName) as string | undefined) ?? process.env[environmentName];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

const app = new App();
const serverZip = path.resolve(
  setting(app, 'serverZip', 'IELTS_SERVER_ZIP') ?? path.join(repositoryRoot, 'apps/server/dist-lambda/function.zip'),
);
if (!existsSync(serverZip)) {
  console.error(`${serverZip} is missing: build it with \`pnpm --filter @ielts-genai-prep/server package:lambda\`.`);
  process.exit(2);
}
const sesFromAddress = setting(app, 'sesFromAddress', 'SES_FROM_ADDRESS');
if (!sesFromAddress) {
  console.error('Set the verified SES sender: -c sesFromAddress=no-reply@example.com (or SES_FROM_ADDRESS).');
  process.exit(2);
}
const replicaRegions = setting(app, 'replicaRegions', 'IELTS_REPLICA_REGIONS')
  ?.split(',')
  .map((region) => region.trim())
  .filter(Boolean);

new IeltsGenAiPrepStack(app, setting(app, 'stackName', 'IELTS_STACK_NAME') ?? 'IeltsGenAiPrep', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? process.env.AWS_REGION },
  serverCode: lambda.Code.fromAsset(serverZip),
  sesFromAddress,
  tablePrefix: setting(app, 'tablePrefix', 'TABLE_PREFIX'),
  tableSuffix: setting(app, 'tableSuffix', 'TABLE_SUFFIX'),
  replicaRegions,
  publicUrl: setting(app, 'publicUrl', 'PUBLIC_URL'),
  alarmEmail: setting(app, 'alarmEmail', 'IELTS_ALARM_EMAIL'),
});
app.synth();
