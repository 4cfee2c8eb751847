import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseArgs } from 'node:util';
import { createTables, deleteTables, describeTables, type TableProgressEvent } from './create-tables.js';
import { DalError } from './errors.js';
import { createOutboxRepository } from './outbox-repository.js';
import { renderAwsCliCommands } from './render-aws-cli.js';
import { renderCloudFormationTemplate } from './render-cloudformation.js';
import { resolveTableNames, type BillingOptions } from './table-definitions.js';

/** Where the CLI writes and what environment it reads. */
export interface CliInputOutput {
  /** Standard output. */
  stdout: (text: string) => void;
  /** Standard error. */
  stderr: (text: string) => void;
  /** Environment variables. Default `process.env`. */
  env?: Record<string, string | undefined>;
}

/** The `ielts-db` usage text. */
export const CLI_USAGE = `Usage: ielts-db <command> [options]

Commands:
  create-tables     Create every table (idempotent), wait until ACTIVE, enable TTL
  delete-tables     Delete every table (refuses without --yes)
  describe          Show each table's status, indexes, TTL and drift from its definition
                    (exit code 1 when a table is missing or differs from its definition)
  dead-mail         Count the outbox's dead messages (mail given up after its last attempt)
                    and list the newest (exit code 1 when there is any)

Options:
  --endpoint URL            DynamoDB endpoint, e.g. http://127.0.0.1:8000 (env DYNAMODB_ENDPOINT)
  --region NAME             AWS region (env AWS_REGION; default us-east-1 with --endpoint)
  --prefix TEXT             Table name prefix, e.g. staging- (env DYNAMODB_TABLE_PREFIX)
  --suffix TEXT             Table name suffix, e.g. -dev (env DYNAMODB_TABLE_SUFFIX)
  --billing MODE            on-demand (default) or provisioned
  --read-capacity N         Read capacity units with --billing provisioned (default 5)
  --write-capacity N        Write capacity units with --billing provisioned (default 5)
  --print FORMAT            With create-tables: print aws-cli commands or a cloudformation
                            template instead of creating anything
  --replica-regions LIST    With --print cloudformation: global tables replicated to these
                            comma-separated regions besides the stack's own (on-demand only)
  --limit N                 With dead-mail: list at most N (default 20)
  --json                    With describe or dead-mail: print JSON
  --yes                     Confirm delete-tables
  --help                    Show this text
  --version                 Show the version of ielts-db
`;

class UsageError extends Error {}

/** The package version, replaced at build time (tsup `define`); `0.0.0-development` when run from source. */
declare const __IELTS_DB_VERSION__: string | undefined;
const CLI_VERSION = typeof __IELTS_DB_VERSION__ === 'string' ? __IELTS_DB_VERSION__ : '0.0.0-development';

const cliOptions = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  prefix: { type: 'string' },
  suffix: { type: 'string' },
  billing: { type: 'string' },
  'read-capacity': { type: 'string' },
  'write-capacity': { type: 'string' },
  print: { type: 'string' },
  'replica-regions': { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  yes: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

// Its own function so that runCli can name the parsed type before the try that may throw.
function parseCommandLine(argv: readonly string[]) {
  return parseArgs({ args: joinDashValues(argv), allowPositionals: true, strict: true, options: cliOptions });
}

/**
 * Joins `--suffix -dev` into `--suffix=-dev`: a value may start with a dash (a suffix usually
 * does), which node's parser would otherwise take for a missing value.
 */
function joinDashValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index]!;
    const next = argv[index + 1];
    const name = word.startsWith('--') ? word.slice(2) : undefined;
    const takesValue = name !== undefined && (cliOptions as Record<string, { type: string }>)[name]?.type === 'string';
    if (takesValue && next?.startsWith('-') && !(next.startsWith('--') && next.slice(2).split('=')[0]! in cliOptions)) {
      joined.push(`${word}=${next}`);
      index++;
    } else {
      joined.push(word);
    }
  }
  return joined;
}

function parseBilling(values: Record<string, string | boolean | undefined>): BillingOptions {
  const mode = (values.billing as string | undefined) ?? 'on-demand';
  if (mode === 'on-demand') return { mode: 'PAY_PER_REQUEST' };
  if (mode !== 'provisioned') throw new UsageError(`--billing must be on-demand or provisioned, not ${mode}`);
  const units = (name: string) => {
    const raw = (values[name] as string | undefined) ?? '5';
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive integer, not ${raw}`);
    return value;
  };
  return { mode: 'PROVISIONED', readCapacityUnits: units('read-capacity'), writeCapacityUnits: units('write-capacity') };
}

/**
 * Runs `ielts-db` with the given arguments (without `node` and the script path) and returns
 * the exit code: 0 on success, 1 on failure, 2 on a usage error.
 */
export async function runCli(argv: readonly string[], io: CliInputOutput): Promise<number> {
  const env = io.env ?? process.env;
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${CLI_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const commandName = positionals[0];
  if (values.version) {
    io.stdout(`${CLI_VERSION}\n`);
    return 0;
  }
  if (values.help || !commandName) {
    (values.help ? io.stdout : io.stderr)(CLI_USAGE);
    return values.help ? 0 : 2;
  }
  if (positionals.length > 1 || !['create-tables', 'delete-tables', 'describe', 'dead-mail'].includes(commandName)) {
    io.stderr(`Unknown command: ${positionals.join(' ')}\n\n${CLI_USAGE}`);
    return 2;
  }

  const endpoint = values.endpoint ?? env.DYNAMODB_ENDPOINT;
  const region = values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? (endpoint ? 'us-east-1' : undefined);
  try {
    const names = {
      prefix: values.prefix ?? env.DYNAMODB_TABLE_PREFIX,
      suffix: values.suffix ?? env.DYNAMODB_TABLE_SUFFIX,
    };
    const tableNames = resolveTableNames(names);
    const billing = parseBilling(values);

    const replicaRegions = values['replica-regions']
      ?.split(',')
      .map((region) => region.trim())
      .filter((region) => region !== '');
    if (replicaRegions !== undefined && values.print !== 'cloudformation') {
      throw new UsageError('--replica-regions works with --print cloudformation only');
    }
    if (values.print !== undefined) {
      if (commandName !== 'create-tables') throw new UsageError('--print works with create-tables only');
      if (values.print === 'aws-cli') {
        io.stdout(renderAwsCliCommands({ tableNames, billing, region: values.region, endpoint }));
      } else if (values.print === 'cloudformation') {
        let template: string;
        try {
          template = renderCloudFormationTemplate({ tableNames, billing, ...(replicaRegions ? { replicaRegions } : {}) });
        } catch (error) {
          // A bad region list is a usage error, like any other bad option.
          if (DalError.isInstance(error) && error.code === 'validation') throw new UsageError(error.message);
          throw error;
        }
        io.stdout(template);
      } else {
        throw new UsageError(`--print must be aws-cli or cloudformation, not ${values.print}`);
      }
      return 0;
    }

    if (commandName === 'delete-tables' && !values.yes) {
      io.stderr(
        `Refusing to delete without --yes. This would delete:\n${Object.values(tableNames)
          .map((name) => `  ${name}`)
          .join('\n')}\n`,
      );
      return 2;
    }

    // A local endpoint needs some credentials but checks none; real AWS uses the default chain.
    const useDummyCredentials = endpoint !== undefined && !env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE;
    const client = new DynamoDBClient({
      ...(region ? { region } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(useDummyCredentials ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    });
    const onProgress = (event: TableProgressEvent) => io.stdout(`${event.message}\n`);
    try {
      if (commandName === 'create-tables') {
        const results = await createTables({ client, ...names, billing, onProgress });
        const created = results.filter((result) => result.status === 'created').length;
        io.stdout(`Done: ${created} created, ${results.length - created} already in place.\n`);
      } else if (commandName === 'dead-mail') {
        const limit = Number(values.limit ?? '20');
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
          throw new UsageError(`--limit must be a whole number from 1 to 1000, not ${values.limit}`);
        const outbox = createOutboxRepository({ documentClient: DynamoDBDocumentClient.from(client), tableName: tableNames.outbox });
        const [count, messages] = await Promise.all([outbox.countDead(), outbox.listDead({ limit })]);
        if (values.json) {
          io.stdout(`${JSON.stringify({ count, messages }, null, 2)}\n`);
        } else {
          io.stdout(`${count} dead message${count === 1 ? '' : 's'} in ${tableNames.outbox}\n`);
          for (const message of messages) {
            io.stdout(
              `${message.dead_at ?? '-'}  ${message.message_id}  ${message.kind}  to ${message.recipient}  request ${message.request_id ?? '-'}  ` +
                `after ${message.attempts} attempts: ${message.last_error ?? '-'}\n`,
            );
          }
        }
        if (count > 0) return 1;
      } else if (commandName === 'delete-tables') {
        const results = await deleteTables({ client, ...names, onProgress });
        const deleted = results.filter((result) => result.status === 'deleted').length;
        io.stdout(`Done: ${deleted} deleted, ${results.length - deleted} absent.\n`);
      } else {
        const states = await describeTables({ client, ...names });
        if (values.json) {
          io.stdout(`${JSON.stringify(states, null, 2)}\n`);
        } else {
          for (const state of states) {
            const indexes = Object.entries(state.indexes)
              .map(([name, status]) => `${name}:${status}`)
              .join(' ');
            io.stdout(
              `${state.tableName}  ${state.status}` +
                (state.status === 'MISSING'
                  ? ''
                  : `  items≈${state.itemCount ?? 0}  ${state.billingMode}  ttl=${state.timeToLive ?? '-'}${indexes ? `  ${indexes}` : ''}`) +
                (state.differences.length > 0 ? `\n  MISMATCH: ${state.differences.join('; ')}` : '') +
                '\n',
            );
          }
        }
        // A missing table is drift too: the deployment does not match its definition.
        if (states.some((state) => state.status === 'MISSING' || state.differences.length > 0)) return 1;
      }
    } finally {
      client.destroy();
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    const code = DalError.isInstance(error) ? ` [${error.code}]` : '';
    io.stderr(`ielts-db ${commandName} failed${code}: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}
