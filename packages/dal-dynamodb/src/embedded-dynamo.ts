import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createDynamoClients } from './dynamo-clients.js';
import { createEmbeddedRequestHandler } from './embedded-request-handler.js';
import { createTables, type CreateTableResult, type TableProgressEvent } from './create-tables.js';
import type { TableNameOptions } from './table-definitions.js';
import { DalError } from './errors.js';
import { repairTornWrites, type TornWriteRepair } from './repair-torn-writes.js';

/** Options for {@link startEmbeddedDynamo}. */
export interface StartEmbeddedDynamoOptions extends TableNameOptions {
  /** Folder to persist data in (LevelDB; created if missing). Default: in memory, lost on close. */
  path?: string;
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1` (never expose it: it checks no credentials). */
  host?: string;
  /** Create every table (idempotent) before returning. Default true. */
  createTables?: boolean;
  /** Progress of table creation. Default: silent. */
  onProgress?: (event: TableProgressEvent) => void;
}

/** A running embedded DynamoDB and clients for it. */
export interface EmbeddedDynamo {
  /** e.g. `http://127.0.0.1:41234`: give it to other processes or the CLI's `--endpoint`. */
  endpoint: string;
  /** A low-level client for it, sending its requests to the store in this process (no socket). */
  client: DynamoDBClient;
  /** A document client for it, for the repositories; in this process too. */
  documentClient: DynamoDBDocumentClient;
  /** What table creation did (empty when `createTables` was false). */
  tables: CreateTableResult[];
  /**
   * Writes a killed process left half-done in `path`'s store, mended at start (see
   * {@link TornWriteRepair}); empty in memory and after a clean stop.
   */
  repairs: TornWriteRepair[];
  /** Destroys the clients and stops the server, flushing data to `path`. */
  close: () => Promise<void>;
}

/**
 * Starts dynalite (a DynamoDB implementation on LevelDB) in this process: the zero-setup
 * default for development. Needs the optional peer dependency `dynalite`. It lacks
 * transactions and UpdateTimeToLive, which this package does not need.
 */
export async function startEmbeddedDynamo(options: StartEmbeddedDynamoOptions = {}): Promise<EmbeddedDynamo> {
  let dynalite: typeof import('dynalite').default;
  try {
    ({ default: dynalite } = await import('dynalite'));
  } catch (error) {
    throw new DalError({
      code: 'local_dynamodb_unavailable',
      message: 'The embedded store needs the optional peer dependency dynalite: npm install dynalite@^4',
      cause: error,
    });
  }
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server = dynalite({
    ...(options.path ? { path: options.path } : {}),
    // Tables are usable at once: there is no fleet to provision.
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host}:${port}`;
  // This process's clients skip the loopback socket; other processes use the endpoint.
  const inProcess = createEmbeddedRequestHandler(server);
  const { client, documentClient } = createDynamoClients({ endpoint, clientConfig: { requestHandler: inProcess.requestHandler } });
  const close = async () => {
    // Stop taking requests and let those in flight finish before the store closes: cutting the
    // client's sockets first let dynalite close LevelDB under a running query, which throws an
    // uncaught "Iterator is not open" and crashed a server stopped right after a burst of requests.
    await inProcess.drain();
    const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    // Keep-alive sockets idle between requests would hold the server open: drop them as they idle.
    const idle = setInterval(() => server.closeIdleConnections(), 20);
    server.closeIdleConnections();
    try {
      await closed;
    } finally {
      clearInterval(idle);
      client.destroy();
    }
  };
  try {
    const tables =
      options.createTables === false
        ? []
        : await createTables({
            client,
            prefix: options.prefix,
            suffix: options.suffix,
            tableNames: options.tableNames,
            onProgress: options.onProgress,
            pollIntervalMs: 20,
          });
    // Before any request: a restart after a kill must not list an item it cannot read.
    const repairs = options.path ? await repairTornWrites(client) : [];
    return { endpoint, client, documentClient, tables, repairs, close };
  } catch (error) {
    await close();
    throw error;
  }
}
