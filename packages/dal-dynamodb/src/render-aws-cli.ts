import { buildUpdateTimeToLiveInput, selectTableRequests, type TableSelectionOptions } from './table-requests.js';

/** Options for {@link renderAwsCliCommands}: the tables, their names and billing, and where the commands go. */
export interface RenderAwsCliOptions extends TableSelectionOptions {
  /** Adds `--region` to every command. Default: none (the CLI's own configuration). */
  region?: string;
  /** Adds `--endpoint-url` to every command, e.g. for DynamoDB Local. Default: none. */
  endpoint?: string;
}

/** Quotes a word for a POSIX shell. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_.,=:/@+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function command(words: string[]): string {
  const lines: string[] = [];
  let line = '';
  for (let index = 0; index < words.length; index++) {
    const word = shellQuote(words[index]!);
    // Start a new line at each --flag to keep the commands readable.
    if (word.startsWith('--') && line) {
      lines.push(line);
      line = `  ${word}`;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.join(' \\\n');
}

/**
 * The `aws dynamodb create-table`, `wait table-exists` and `update-time-to-live` commands that
 * create the tables, built from the same requests `createTables()` sends.
 */
export function renderAwsCliCommands(options: RenderAwsCliOptions): string {
  const common = [
    ...(options.region ? ['--region', options.region] : []),
    ...(options.endpoint ? ['--endpoint-url', options.endpoint] : []),
  ];
  const blocks: string[] = [];
  for (const { definition, tableName, input } of selectTableRequests(options)) {
    const words = [
      'aws',
      'dynamodb',
      'create-table',
      '--table-name',
      tableName,
      '--attribute-definitions',
      ...(input.AttributeDefinitions ?? []).map((item) => `AttributeName=${item.AttributeName},AttributeType=${item.AttributeType}`),
      '--key-schema',
      ...(input.KeySchema ?? []).map((item) => `AttributeName=${item.AttributeName},KeyType=${item.KeyType}`),
      '--billing-mode',
      input.BillingMode ?? 'PAY_PER_REQUEST',
    ];
    if (input.ProvisionedThroughput) {
      words.push(
        '--provisioned-throughput',
        `ReadCapacityUnits=${input.ProvisionedThroughput.ReadCapacityUnits},WriteCapacityUnits=${input.ProvisionedThroughput.WriteCapacityUnits}`,
      );
    }
    if (input.GlobalSecondaryIndexes) {
      words.push('--global-secondary-indexes', JSON.stringify(input.GlobalSecondaryIndexes));
    }
    const lines = [`# ${definition.description}`, command([...words, ...common])];
    lines.push(command(['aws', 'dynamodb', 'wait', 'table-exists', '--table-name', tableName, ...common]));
    const timeToLive = buildUpdateTimeToLiveInput(definition, tableName);
    if (timeToLive?.TimeToLiveSpecification) {
      const specification = timeToLive.TimeToLiveSpecification;
      lines.push(
        command([
          'aws',
          'dynamodb',
          'update-time-to-live',
          '--table-name',
          tableName,
          '--time-to-live-specification',
          `Enabled=${specification.Enabled},AttributeName=${specification.AttributeName}`,
          ...common,
        ]),
      );
    }
    blocks.push(lines.join('\n'));
  }
  return `#!/bin/sh\nset -e\n\n${blocks.join('\n\n')}\n`;
}
