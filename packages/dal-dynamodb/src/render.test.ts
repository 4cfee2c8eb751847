import { describe, expect, it } from 'vitest';
import { renderAwsCliCommands, shellQuote } from './render-aws-cli.js';
import { buildCloudFormationTemplate, logicalResourceId, renderCloudFormationTemplate } from './render-cloudformation.js';
import { TABLE_DEFINITIONS, TABLE_KEYS, resolveTableNames } from './table-definitions.js';
import { buildCreateTableInput, buildUpdateTimeToLiveInput } from './table-requests.js';

/** Splits shell text into commands of words, honouring single quotes and backslash-newlines. */
function parseShell(text: string): string[][] {
  const commands: string[][] = [];
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const words: string[] = [];
    let word = '';
    let inWord = false;
    for (let index = 0; index < line.length; index++) {
      const character = line[index]!;
      if (character === "'") {
        const end = line.indexOf("'", index + 1);
        word += line.slice(index + 1, end);
        index = end;
        inWord = true;
      } else if (character === '\\') {
        word += line[++index];
        inWord = true;
      } else if (character === ' ') {
        if (inWord) words.push(word);
        word = '';
        inWord = false;
      } else {
        word += character;
        inWord = true;
      }
    }
    if (inWord) words.push(word);
    commands.push(words);
  }
  return commands;
}

/** The words after `flag` in a command, up to the next flag; none when the flag is absent. */
function flagValues(words: string[], flag: string): string[] {
  const start = words.indexOf(flag) + 1;
  if (start === 0) return [];
  let end = start;
  while (end < words.length && !words[end]!.startsWith('--')) end++;
  return words.slice(start, end);
}

function shorthand(text: string): Record<string, string> {
  return Object.fromEntries(text.split(',').map((pair) => pair.split('=') as [string, string]));
}

describe('renderAwsCliCommands', () => {
  const tableNames = resolveTableNames({ prefix: 'prod-' });

  it('prints create-table commands equivalent to the requests createTables sends', () => {
    const billing = { mode: 'PROVISIONED' as const, readCapacityUnits: 5, writeCapacityUnits: 3 };
    const commands = parseShell(renderAwsCliCommands({ tableNames, billing, region: 'eu-west-2' }));
    const creates = commands.filter((words) => words[2] === 'create-table');
    expect(creates).toHaveLength(TABLE_KEYS.length);
    for (const key of TABLE_KEYS) {
      const words = creates.find((candidate) => candidate[candidate.indexOf('--table-name') + 1] === tableNames[key])!;
      const flag = (name: string) => flagValues(words, name);
      const expected = buildCreateTableInput(TABLE_DEFINITIONS[key], tableNames[key], billing);
      expect(flag('--attribute-definitions').map(shorthand)).toEqual(expected.AttributeDefinitions);
      expect(flag('--key-schema').map(shorthand)).toEqual(expected.KeySchema);
      expect(flag('--billing-mode')).toEqual(['PROVISIONED']);
      expect(shorthand(flag('--provisioned-throughput')[0]!)).toEqual({ ReadCapacityUnits: '5', WriteCapacityUnits: '3' });
      expect(flag('--region')).toEqual(['eu-west-2']);
      if (expected.GlobalSecondaryIndexes) {
        expect(JSON.parse(flag('--global-secondary-indexes')[0]!)).toEqual(expected.GlobalSecondaryIndexes);
      } else {
        expect(words).not.toContain('--global-secondary-indexes');
      }
    }
  });

  it('waits for each table and enables TTL on sessions, rate limits and the outbox, as createTables does', () => {
    const endpoint = 'http://127.0.0.1:8000';
    const commands = parseShell(renderAwsCliCommands({ tableNames, endpoint })).filter((words) => words[0] === 'aws');
    const tableOf = (words: string[]) => flagValues(words, '--table-name')[0];
    for (const words of commands) expect(flagValues(words, '--endpoint-url')).toEqual([endpoint]);
    expect(commands.filter((words) => words[2] === 'wait').map(tableOf)).toEqual(TABLE_KEYS.map((key) => tableNames[key]));
    const ttl = commands.filter((words) => words[2] === 'update-time-to-live');
    expect(ttl.map(tableOf)).toEqual([tableNames.sessions, tableNames.rateLimits, tableNames.outbox]);
    for (const words of ttl) {
      const key = TABLE_KEYS.find((candidate) => tableNames[candidate] === tableOf(words))!;
      const expected = buildUpdateTimeToLiveInput(TABLE_DEFINITIONS[key], tableNames[key])?.TimeToLiveSpecification;
      expect(shorthand(flagValues(words, '--time-to-live-specification')[0]!)).toEqual({
        Enabled: String(expected?.Enabled),
        AttributeName: expected?.AttributeName,
      });
    }
  });

  it('quotes shell words only when needed', () => {
    expect(shellQuote('plain-word')).toBe('plain-word');
    expect(shellQuote('[{"a":1}]')).toBe(`'[{"a":1}]'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('CloudFormation template', () => {
  it('declares one retained table per definition, from the same requests', () => {
    const tableNames = resolveTableNames({ suffix: '-dev' });
    const template = buildCloudFormationTemplate({ tableNames }) as {
      Resources: Record<string, { Type: string; DeletionPolicy: string; Properties: Record<string, unknown> }>;
      Outputs: Record<string, unknown>;
    };
    expect(Object.keys(template.Resources)).toEqual(TABLE_KEYS.map(logicalResourceId));
    for (const key of TABLE_KEYS) {
      const resource = template.Resources[logicalResourceId(key)]!;
      const expected = buildCreateTableInput(TABLE_DEFINITIONS[key], tableNames[key]);
      expect(resource.Type).toBe('AWS::DynamoDB::Table');
      expect(resource.DeletionPolicy).toBe('Retain');
      expect(resource.Properties).toMatchObject({
        TableName: tableNames[key],
        AttributeDefinitions: expected.AttributeDefinitions,
        KeySchema: expected.KeySchema,
        BillingMode: 'PAY_PER_REQUEST',
      });
      expect(resource.Properties.GlobalSecondaryIndexes).toEqual(expected.GlobalSecondaryIndexes);
    }
    expect(template.Resources.SessionsTable?.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expires_at', Enabled: true });
    expect(template.Resources.RateLimitsTable?.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expires_at', Enabled: true });
    expect(template.Resources.OutboxTable?.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expires_at', Enabled: true });
    expect(template.Resources.UsersTable?.Properties.TimeToLiveSpecification).toBeUndefined();
    expect(JSON.parse(renderCloudFormationTemplate({ tableNames }))).toEqual(template);
  });
});
