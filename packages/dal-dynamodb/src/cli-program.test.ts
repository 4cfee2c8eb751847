import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CLI_USAGE, runCli } from './cli-program.js';
import { deleteTables, describeTables } from './create-tables.js';
import { createOutboxRepository } from './outbox-repository.js';
import { TABLE_DEFINITIONS, TABLE_KEYS, resolveTableNames } from './table-definitions.js';
import { buildCreateTableInput } from './table-requests.js';
import { createTestClients, uniquePrefix } from './test-support/clients.js';

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env });
  return { code, stdout, stderr };
}

describe('ielts-db', () => {
  const endpoint = inject('dynamoDbLocalEndpoint');
  const clients = createTestClients(endpoint);
  afterAll(() => clients.destroy());

  it('creates, describes and deletes the tables on an endpoint', async () => {
    const prefix = uniquePrefix('cli');
    const created = await run(['create-tables', '--endpoint', endpoint, '--prefix', prefix]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`creating ${prefix}ielts-genai-prep-users`);
    expect(created.stdout).toContain(`TTL enabled on ${prefix}ielts-genai-prep-sessions.expires_at`);
    expect(created.stdout).toContain(`Done: ${TABLE_KEYS.length} created, 0 already in place.`);

    const again = await run(['create-tables', '--prefix', prefix], { DYNAMODB_ENDPOINT: endpoint });
    expect(again.stdout).toContain(`Done: 0 created, ${TABLE_KEYS.length} already in place.`);

    const described = await run(['describe', '--endpoint', endpoint, '--prefix', prefix]);
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(new RegExp(`${prefix}ielts-genai-prep-sessions  ACTIVE .* ttl=ENABLED  user-email-index:ACTIVE`));
    const json = await run(['describe', '--json', '--endpoint', endpoint, '--prefix', prefix]);
    expect(JSON.parse(json.stdout)).toHaveLength(TABLE_KEYS.length);

    const refused = await run(['delete-tables', '--endpoint', endpoint, '--prefix', prefix]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Refusing to delete without --yes');
    expect((await describeTables({ client: clients.client, prefix })).every((state) => state.status === 'ACTIVE')).toBe(true);

    const deleted = await run(['delete-tables', '--yes', '--endpoint', endpoint, '--prefix', prefix]);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain(`Done: ${TABLE_KEYS.length} deleted, 0 absent.`);
    const missing = await run(['describe', '--endpoint', endpoint, '--prefix', prefix]);
    expect(missing.stdout.match(/MISSING/g)).toHaveLength(TABLE_KEYS.length);
    // Every table missing is the most drift there is.
    expect(missing.code).toBe(1);
  });

  it('prints its version', async () => {
    for (const flag of ['--version', '-v']) {
      const version = await run([flag]);
      expect(version.code).toBe(0);
      expect(version.stdout).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?\n$/);
    }
    // The built bin says the version it was published as.
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toBe(`${manifest.version}\n`);
  });

  it('describes drift from the definitions with exit code 1, and create-tables repairs TTL', async () => {
    const suffix = `-${uniquePrefix('drift').slice(0, -1)}`;
    const names = resolveTableNames({ suffix });
    // Made by hand, without the TTL the definition asks for.
    await clients.client.send(new CreateTableCommand(buildCreateTableInput(TABLE_DEFINITIONS.sessions, names.sessions)));
    const drifted = await run(['describe', '--endpoint', endpoint, '--suffix', suffix]);
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toContain(`${names.sessions}  ACTIVE`);
    expect(drifted.stdout).toContain('MISMATCH: TTL is DISABLED, expected enabled on expires_at');
    expect(drifted.stdout.match(/MISSING/g)).toHaveLength(TABLE_KEYS.length - 1);

    const repaired = await run(['create-tables', '--endpoint', endpoint], { DYNAMODB_TABLE_SUFFIX: suffix });
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain(`Done: ${TABLE_KEYS.length - 1} created, 1 already in place.`);
    expect((await run(['describe', '--endpoint', endpoint, '--suffix', suffix])).code).toBe(0);
    await deleteTables({ client: clients.client, suffix });
  });

  it('prints AWS CLI commands and a CloudFormation template without touching DynamoDB', async () => {
    const cli = await run(['create-tables', '--print', 'aws-cli', '--prefix', 'prod-', '--region', 'eu-west-2']);
    expect(cli.code).toBe(0);
    expect(cli.stdout.match(/aws dynamodb create-table/g)).toHaveLength(TABLE_KEYS.length);
    expect(cli.stdout).toContain('aws dynamodb update-time-to-live');
    expect(cli.stdout).toContain('--region eu-west-2');
    const template = await run(['create-tables', '--print', 'cloudformation', '--billing', 'provisioned', '--read-capacity', '2']);
    const parsed = JSON.parse(template.stdout);
    expect(parsed.Resources.UsersTable.Properties).toMatchObject({
      TableName: 'ielts-genai-prep-users',
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 5 },
    });
  });

  it('prints global tables replicated to --replica-regions besides the stack’s own region', async () => {
    const template = await run(['create-tables', '--print', 'cloudformation', '--replica-regions', 'eu-west-1, ap-southeast-2']);
    expect(template.code).toBe(0);
    const resources = Object.values(JSON.parse(template.stdout).Resources) as {
      Type: string;
      Properties: {
        BillingMode: unknown;
        StreamSpecification: unknown;
        Replicas: { Region: unknown }[];
        TableName: unknown;
        TimeToLiveSpecification?: unknown;
      };
    }[];
    expect(resources).toHaveLength(TABLE_KEYS.length);
    for (const resource of resources) {
      expect(resource.Type).toBe('AWS::DynamoDB::GlobalTable');
      expect(resource.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(resource.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
      expect(resource.Properties.Replicas.map((replica) => replica.Region)).toEqual([
        { Ref: 'AWS::Region' },
        'eu-west-1',
        'ap-southeast-2',
      ]);
    }
    const sessions = resources.find((resource) => resource.Properties.TableName === 'ielts-genai-prep-sessions')!;
    expect(sessions.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expires_at', Enabled: true });

    for (const bad of [
      ['--replica-regions', 'mars-1'],
      ['--replica-regions', 'eu-west-1,eu-west-1'],
      ['--replica-regions', 'eu-west-1', '--billing', 'provisioned'],
    ]) {
      const refused = await run(['create-tables', '--print', 'cloudformation', ...bad]);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
    }
    expect((await run(['create-tables', '--print', 'cloudformation', '--replica-regions', 'mars-1'])).stderr).toContain(
      'Invalid replica region "mars-1"',
    );
    expect((await run(['create-tables', '--print', 'aws-cli', '--replica-regions', 'eu-west-1'])).stderr).toContain(
      '--replica-regions works with --print cloudformation only',
    );
  });

  it('counts and lists the outbox’s dead messages, with exit code 1 while there are any', async () => {
    const prefix = uniquePrefix('dead');
    expect((await run(['create-tables', '--endpoint', endpoint, '--prefix', prefix])).code).toBe(0);
    const none = await run(['dead-mail', '--endpoint', endpoint, '--prefix', prefix]);
    expect(none).toMatchObject({ code: 0, stdout: `0 dead messages in ${prefix}ielts-genai-prep-outbox\n` });
    const outbox = createOutboxRepository({
      documentClient: DynamoDBDocumentClient.from(clients.client),
      tableName: resolveTableNames({ prefix }).outbox,
    });
    for (const label of ['first', 'second']) {
      const queued = await outbox.enqueue({ kind: 'password_reset', recipient: `${label}@example.com`, request_id: `req-${label}` });
      const [claim] = await outbox.claimDue({ owner: 'cli-test', leaseSeconds: 60, messageIds: [queued.message_id] });
      await outbox.markDead(claim!, { error: 'SES: MessageRejected' });
    }
    const listed = await run(['dead-mail', '--endpoint', endpoint, '--prefix', prefix, '--limit', '1']);
    expect(listed.code).toBe(1);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toBe(`2 dead messages in ${prefix}ielts-genai-prep-outbox`);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /password_reset {2}to (first|second)@example\.com {2}request req-(first|second) {2}after 1 attempts: SES: MessageRejected$/,
    );
    const json = await run(['dead-mail', '--endpoint', endpoint, '--prefix', prefix, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ count: 2, messages: [{ status: 'dead' }, { status: 'dead' }] });
    expect((await run(['dead-mail', '--endpoint', endpoint, '--prefix', prefix, '--limit', 'lots'])).code).toBe(2);
    await deleteTables({ client: clients.client, prefix });
  });

  it('explains usage errors with exit code 2', async () => {
    expect((await run([])).code).toBe(2);
    const help = await run(['--help']);
    expect(help).toMatchObject({ code: 0, stdout: CLI_USAGE });
    expect((await run(['drop-everything'])).stderr).toContain('Unknown command: drop-everything');
    expect((await run(['create-tables', '--print', 'terraform'])).code).toBe(2);
    expect((await run(['describe', '--print', 'aws-cli'])).code).toBe(2);
    expect((await run(['create-tables', '--billing', 'free'])).code).toBe(2);
    expect((await run(['create-tables', '--nope'])).code).toBe(2);
    // A value may start with a dash, but an option is never taken for a value.
    expect((await run(['describe', '--prefix', '--yes'])).code).toBe(2);
  });

  it('reports a failure with exit code 1', async () => {
    const result = await run(['describe', '--endpoint', 'http://127.0.0.1:9', '--prefix', uniquePrefix('down')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ielts-db describe failed');
  });
});
