#!/usr/bin/env node
// `pnpm bench` (or `node apps/server/scripts/bench-http.mjs` after a build): the reference server's
// request path measured side by side with a bare Hono server (same hono and @hono/node-server)
// in the same run, with autocannon on loopback. Each server runs in its own process; the bare one
// answers /health with the same shape and a history page with the very bytes the real one sent.
//
//   node scripts/bench-http.mjs [--duration 5] [--warmup 1] [--connections 50] [--stores embedded,dynamodb-local] [--json]
//
// The issue's method is `--duration 15 --warmup 5`; the defaults keep a fresh-clone bench short.
// Both stores run by default, one after the other, each with its own bare Hono beside it. The
// combined table is printed and also written, with the figures as JSON, to .cache/bench/ at the
// repository root, where `pnpm bench` prints it last.
// Figures only: nothing here fails on a slow machine except errors in the answers.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = path.resolve(serverDirectory, '..', '..');
const argumentsList = process.argv.slice(2);
const option = (name, fallback) => {
  const index = argumentsList.indexOf(name);
  return index === -1 ? fallback : argumentsList[index + 1];
};
const duration = Number(option('--duration', 5));
const warmup = Number(option('--warmup', 1));
const connections = Number(option('--connections', 50));
const json = argumentsList.includes('--json');
// `--dynamodb-local` alone is the older spelling of `--stores dynamodb-local`.
const stores = (argumentsList.includes('--dynamodb-local') ? 'dynamodb-local' : option('--stores', 'embedded,dynamodb-local')).split(',');
for (const store of stores)
  if (store !== 'embedded' && store !== 'dynamodb-local') throw new Error(`--stores takes embedded and dynamodb-local, not ${store}`);
// Sign-ins each hash a password on a small worker pool with a bounded queue (HASH_QUEUE_SIZE, by
// default 8 per thread, one thread on two cores): half of what it holds, so the row measures sign-ins, not 503s.
const loginConnections = Math.min(connections, 4);
const resultsDirectory = path.join(repositoryRoot, '.cache', 'bench');
const log = (line = '') => {
  if (!json) console.log(line);
};

const ESSAY = `Some people think that working from home is better for employees, while others believe that offices remain essential. In my opinion, although remote work has clear advantages, most organisations benefit from a balance between the two.

On the one hand, working from home saves time and money. Employees no longer spend hours commuting, which reduces stress and pollution, and many people find that they can concentrate better without the interruptions of a busy office. For parents in particular, flexible arrangements make it easier to combine a career with family responsibilities.

On the other hand, offices offer benefits that are difficult to replace. New staff learn quickly by watching experienced colleagues, and informal conversations often lead to new ideas. Furthermore, some employees feel isolated when they work alone for long periods, and the boundary between work and private life can disappear, so people end up working longer hours than before.

For these reasons, I believe that a mixed model is the most sensible solution. Companies could ask employees to come to the office two or three days a week for meetings and teamwork, while allowing them to do focused tasks at home. This approach would keep the sense of community that offices provide and still give workers the freedom they value.

In conclusion, neither working from home nor working in an office is ideal on its own. A balanced arrangement allows organisations to enjoy the advantages of both, and I expect it to become the normal way of working in the future.`;

/** Starts `node args…` and resolves its base URL once it prints "listening on http://…". */
function startProcess(args, environment, cwd) {
  const child = spawn(process.execPath, args, { cwd, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const baseUrl = new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1].replace(/\/$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code} before listening:\n${output}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  /** The process's peak resident set size in MB so far (Linux's VmHWM), or undefined elsewhere. */
  const peakResidentMegabytes = () => {
    try {
      const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return kilobytes === undefined ? undefined : Number(kilobytes) / 1024;
    } catch {
      return undefined;
    }
  };
  /** CPU time the process has used so far, in ms (Linux's /proc, in USER_HZ ticks of 10 ms), or undefined elsewhere. */
  const cpuMilliseconds = () => {
    try {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  };
  return { baseUrl, stop, output: () => output, peakResidentMegabytes, cpuMilliseconds };
}

/** The value at `share` (0.5 is the median) of a list of numbers. */
function percentile(list, share) {
  const sorted = [...list].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

// The bare server also answers /one-read: one user read through the DAL's repositories, on its
// own store of the same kind (its own embedded store in a folder, or the same DynamoDB Local).
// That is the floor of a route that reads the store: a route making N store calls can go at
// most about 1/N as fast, whatever the framework around it does.
const BARE_HONO = `
import { mkdtempSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDynamoClients, createRepositories } from '@ielts-genai-prep/dal-dynamodb';
import { startEmbeddedDynamo } from '@ielts-genai-prep/dal-dynamodb/local';
const page = readFileSync(process.env.BENCH_PAGE_FILE);
const endpoint = process.env.BENCH_DYNAMODB_ENDPOINT;
const store = endpoint
  ? createDynamoClients({ endpoint })
  : await startEmbeddedDynamo({ path: mkdtempSync(path.join(tmpdir(), 'ielts-bench-bare-')) });
const repositories = createRepositories({ documentClient: store.documentClient, cursorSecret: 'bench-bare-hono-cursor-secret-0123456789' });
const email = process.env.BENCH_READ_EMAIL;
if (!endpoint) await repositories.users.create({ email, password_hash: 'bench', user_id: crypto.randomUUID(), created_at: new Date().toISOString() });
if (!(await repositories.users.get(email))) throw new Error('the bare server found no user ' + email);
const app = new Hono();
app.get('/health', (context) => context.json({ status: 'ok', version: '0.0.0', time: new Date().toISOString() }));
app.get('/page', (context) => context.body(page, 200, { 'content-type': 'application/json' }));
app.get('/one-read', async (context) => context.json({ found: (await repositories.users.get(email)) !== undefined }));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log('listening on http://127.0.0.1:' + info.port));
`;

async function call(baseUrl, pathname, { method = 'GET', token, body } = {}) {
  const response = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${text.slice(0, 300)}`);
  return { text, json: () => JSON.parse(text) };
}

async function signUp(baseUrl, name) {
  const email = `${name}.${Date.now()}@example.com`;
  const password = 'correct horse battery staple';
  await call(baseUrl, '/api/auth/register', { method: 'POST', body: { email, password } });
  return (await call(baseUrl, '/api/auth/login', { method: 'POST', body: { email, password, client: 'mobile' } })).json().token;
}

/**
 * Requests per second and p99 of one route under `connections` connections, after a warm-up, and
 * the CPU the answering process spent per request: autocannon shares the two cores, so CPU per
 * request says what the server costs more steadily than requests per second.
 */
async function load(url, { method = 'GET', headers = {}, body, connections: count = connections, answeredBy } = {}) {
  // Scoring an essay takes a share of a core, so 50 at once wait many seconds: a timeout of a minute
  // measures the throughput instead of counting give-ups.
  const settings = {
    url,
    connections: count,
    timeout: 60,
    method,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  };
  if (warmup > 0) await autocannon({ ...settings, duration: warmup });
  const cpuBefore = answeredBy?.cpuMilliseconds();
  const result = await autocannon({ ...settings, duration });
  const cpuAfter = answeredBy?.cpuMilliseconds();
  return {
    serverCpuMicrosecondsPerRequest:
      cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
        ? undefined
        : ((cpuAfter - cpuBefore) * 1000) / result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Milliseconds: result.latency.p50,
    p99Milliseconds: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    bytesPerRequest: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
}

/** The median latency in ms of `count` sequential calls for each token, the tokens taking turns so drift hits both alike. */
async function sequentialMedians(baseUrl, pathname, tokens, count = 100) {
  const durations = tokens.map(() => []);
  for (let index = 0; index < count; index++) {
    for (const [position, token] of tokens.entries()) {
      const started = performance.now();
      await call(baseUrl, pathname, { token });
      durations[position].push(performance.now() - started);
    }
  }
  return durations.map((list) => percentile(list, 0.5));
}

/**
 * 100 sign-ins at once (each hashes a password) and, while they run, one learner's `GET /api/auth/me`
 * over and over: the p50 and p99 of that unrelated read, and how the sign-ins ended (200; 503 from
 * the bounded hashing queue; 429 from the per-account limit, which counts each attempt until it succeeds).
 */
async function measureLoginFlood(baseUrl, otherToken) {
  const email = `flood.${Date.now()}@example.com`;
  const password = 'correct horse battery staple';
  await call(baseUrl, '/api/auth/register', { method: 'POST', body: { email, password } });
  let running = true;
  const logins = Promise.all(
    Array.from({ length: 100 }, () =>
      fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password, client: 'mobile' }),
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      }),
    ),
  ).finally(() => (running = false));
  const reads = [];
  let readErrors = 0;
  while (running) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${otherToken}` } });
    await response.arrayBuffer();
    if (!response.ok) readErrors++;
    reads.push(performance.now() - started);
  }
  const statuses = await logins;
  const count = (status) => statuses.filter((entry) => entry === status).length;
  return {
    reads: reads.length,
    readErrors,
    p50Milliseconds: percentile(reads, 0.5),
    p99Milliseconds: percentile(reads, 0.99),
    logins: { ok: count(200), busy: count(503), limited: count(429), other: statuses.length - count(200) - count(503) - count(429) },
  };
}

/**
 * Password-reset requests for known and unknown addresses, `pairs` of each, interleaved so that
 * load from elsewhere falls on both alike: the medians and their ratio. Both answer before any
 * mail is composed (the outbox holds it), so the ratio should be near 1; a figure, not a test.
 * Each known address is asked once: the per-address mail limit would answer later asks with 429.
 */
async function measureResetTiming(baseUrl, pairs = 50) {
  const known = [];
  for (let index = 0; index < pairs; index++) {
    const email = `reset.${index}.${Date.now()}@example.com`;
    await call(baseUrl, '/api/auth/register', { method: 'POST', body: { email, password: 'correct horse battery staple' } });
    known.push(email);
  }
  const time = async (email) => {
    const started = performance.now();
    await call(baseUrl, '/api/auth/password-reset/request', { method: 'POST', body: { email } });
    return performance.now() - started;
  };
  const knownTimes = [];
  const unknownTimes = [];
  for (let index = 0; index < pairs; index++) {
    knownTimes.push(await time(known[index]));
    unknownTimes.push(await time(`nobody.${index}.${Date.now()}@example.com`));
  }
  const knownMedian = percentile(knownTimes, 0.5);
  const unknownMedian = percentile(unknownTimes, 0.5);
  return { pairs, knownMedianMilliseconds: knownMedian, unknownMedianMilliseconds: unknownMedian, ratio: knownMedian / unknownMedian };
}

/** Seeds a learner with 300 assessments and one with 10 on `store`, then measures every route against a bare Hono started beside it. */
async function benchStore(store) {
  const dataDirectory = await mkdtemp(path.join(tmpdir(), 'ielts-bench-http-'));
  const stops = [];
  try {
    let dynamoDbEndpoint;
    if (store === 'dynamodb-local') {
      const { startDynamoDbLocal } = await import('@ielts-genai-prep/dal-dynamodb/local');
      const local = await startDynamoDbLocal({ searchFrom: serverDirectory, javaOptions: ['-Xmx1g'] });
      stops.push(() => local.close());
      dynamoDbEndpoint = local.endpoint;
    }
    const environment = { ...process.env };
    for (const name of [
      'AWS_REGION',
      'DYNAMODB_ENDPOINT',
      'SES_FROM_ADDRESS',
      'SES_ENDPOINT',
      'BEDROCK_ENABLED',
      'GEMINI_API_KEY',
      'RECAPTCHA_SECRET',
      'CORS_ORIGINS',
    ])
      delete environment[name];
    Object.assign(environment, {
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDirectory,
      OUTBOX_DIR: path.join(dataDirectory, 'outbox'),
      SCRYPT_COST: '1024',
      COOKIE_SECURE: 'false',
      FREE_ASSESSMENTS_PER_TYPE: '10000',
      FREE_ASSESSMENTS_BEFORE_VERIFICATION: '10000',
      REGISTRATIONS_PER_CLIENT_PER_HOUR: '1000',
      ...(dynamoDbEndpoint
        ? { DYNAMODB_ENDPOINT: dynamoDbEndpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench' }
        : {}),
    });
    const server = startProcess([path.join(serverDirectory, 'dist', 'main.js')], environment, repositoryRoot);
    stops.push(server.stop);
    const serverUrl = await server.baseUrl;

    // A learner with 300 assessments (20 essays among them, for a realistic history page) and one with 10.
    log(`Seeding on ${store === 'dynamodb-local' ? 'DynamoDB Local' : 'the embedded store'}…`);
    const [long, short, submitter] = [
      await signUp(serverUrl, 'long'),
      await signUp(serverUrl, 'short'),
      await signUp(serverUrl, 'submitter'),
    ];
    const reading = { question_id: 'ra-test-01', answers: { 1: 'an answer' } };
    const writing = { question_id: 'w2-001', essay: ESSAY };
    for (let index = 0; index < 280; index++)
      await call(serverUrl, '/api/reading/evaluate', { method: 'POST', token: long, body: reading });
    for (let index = 0; index < 20; index++) await call(serverUrl, '/api/writing/evaluate', { method: 'POST', token: long, body: writing });
    for (let index = 0; index < 10; index++)
      await call(serverUrl, '/api/reading/evaluate', { method: 'POST', token: short, body: reading });
    const page = await call(serverUrl, '/api/assessments?limit=20', { token: long });
    const pageFile = path.join(dataDirectory, 'page.json');
    await writeFile(pageFile, page.text);
    // One account whose every sign-in succeeds, so the login row measures hashing and the session write.
    const loginBody = { email: `login.${Date.now()}@example.com`, password: 'correct horse battery staple' };
    await call(serverUrl, '/api/auth/register', { method: 'POST', body: loginBody });

    const bare = startProcess(
      ['--input-type=module', '-e', BARE_HONO],
      {
        ...process.env,
        BENCH_PAGE_FILE: pageFile,
        BENCH_READ_EMAIL: loginBody.email,
        ...(dynamoDbEndpoint ? { BENCH_DYNAMODB_ENDPOINT: dynamoDbEndpoint } : {}),
      },
      serverDirectory,
    );
    stops.push(bare.stop);
    const bareUrl = await bare.baseUrl;

    log(
      `Measuring: ${connections} connections, ${duration} s per route after ${warmup} s of warm-up, bare Hono and the server alternating…`,
    );
    const auth = (token) => ({ authorization: `Bearer ${token}` });
    const figures = {};
    figures.bareHealth = await load(`${bareUrl}/health`, { answeredBy: bare });
    figures.health = await load(`${serverUrl}/health`, { answeredBy: server });
    figures.barePage = await load(`${bareUrl}/page`, { answeredBy: bare });
    figures.bareOneRead = await load(`${bareUrl}/one-read`, { answeredBy: bare });
    figures.history = await load(`${serverUrl}/api/assessments?limit=20`, { headers: auth(long), answeredBy: server });
    figures.reading = await load(`${serverUrl}/api/reading/evaluate`, {
      method: 'POST',
      headers: auth(submitter),
      body: reading,
      answeredBy: server,
    });
    figures.writing = await load(`${serverUrl}/api/writing/evaluate`, {
      method: 'POST',
      headers: auth(submitter),
      body: writing,
      answeredBy: server,
    });
    figures.login = await load(`${serverUrl}/api/auth/login`, {
      method: 'POST',
      body: { ...loginBody, client: 'mobile' },
      connections: loginConnections,
      answeredBy: server,
    });
    const [entitlementsAt300, entitlementsAt10] = await sequentialMedians(serverUrl, '/api/entitlements', [long, short]);
    const loginFlood = await measureLoginFlood(serverUrl, short);
    const resetTiming = await measureResetTiming(serverUrl);
    const peakResidentMegabytes = server.peakResidentMegabytes();

    const ratio = (measured, base) => (base.requestsPerSecond > 0 ? measured.requestsPerSecond / base.requestsPerSecond : 0);
    const rows = [
      {
        route: 'GET /health',
        figures: figures.health,
        against: 'bare Hono /health',
        ratio: ratio(figures.health, figures.bareHealth),
        target: 0.7,
      },
      {
        route: 'bare Hono GET one DAL user read',
        bare: true,
        figures: figures.bareOneRead,
        against: 'bare Hono /health',
        ratio: ratio(figures.bareOneRead, figures.bareHealth),
      },
      {
        route: 'GET /api/assessments (page of 20)',
        figures: figures.history,
        against: 'bare Hono, same bytes',
        ratio: ratio(figures.history, figures.barePage),
        target: 0.5,
      },
      {
        route: 'POST /api/reading/evaluate',
        figures: figures.reading,
        against: 'server GET /health',
        ratio: ratio(figures.reading, figures.health),
        target: 0.2,
      },
      {
        route: 'POST /api/writing/evaluate',
        figures: figures.writing,
        against: 'server GET /health',
        ratio: ratio(figures.writing, figures.health),
        target: 0.2,
      },
      {
        route: `POST /api/auth/login (${loginConnections} connections)`,
        figures: figures.login,
        against: 'server GET /health',
        ratio: ratio(figures.login, figures.health),
      },
    ];
    const entitlementsRatio = entitlementsAt300 / entitlementsAt10;
    const errors = Object.values(figures).reduce((sum, entry) => sum + entry.errors, 0) + loginFlood.readErrors + loginFlood.logins.other;
    return {
      store,
      figures,
      rows,
      entitlementsAt10,
      entitlementsAt300,
      entitlementsRatio,
      loginFlood,
      resetTiming,
      peakResidentMegabytes,
      errors,
    };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await rm(dataDirectory, { recursive: true, force: true });
  }
}

const storeNames = { embedded: 'embedded', 'dynamodb-local': 'DynamoDB Local' };

/** The server's CPU per request of the store-bound routes, in bare one-read routes' worth: what a store call costs here, next to what each route spends. */
function inOneReads(name, figures) {
  const oneRead = figures.bareOneRead.serverCpuMicrosecondsPerRequest;
  if (oneRead === undefined) return [];
  const worth = (entry) => (entry.serverCpuMicrosecondsPerRequest / oneRead).toFixed(1);
  return [
    `${name}: server CPU per request in bare one-read routes (${oneRead.toFixed(0)} µs each): history ${worth(figures.history)}, reading ${worth(figures.reading)}, writing ${worth(figures.writing)}.`,
  ];
}
/** The one load table: every route on every store, its ratio and target, errors and the server's peak RSS. */
function loadTable(results) {
  const lines = [
    '| store | route | req/s | p50 ms | p99 ms | bytes | CPU µs/req | errors | ratio | against | target | met | server peak RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---:|',
  ];
  for (const result of results) {
    const peak = result.peakResidentMegabytes === undefined ? '' : result.peakResidentMegabytes.toFixed(0);
    for (const entry of [
      { route: 'bare Hono GET /health', figures: result.figures.bareHealth },
      { route: 'bare Hono GET page (same bytes)', figures: result.figures.barePage },
      ...result.rows,
    ]) {
      const measured = entry.figures;
      const met = entry.target === undefined ? '' : entry.ratio >= entry.target ? 'yes' : 'no';
      const isServer = entry.ratio !== undefined && !entry.bare;
      lines.push(
        `| ${storeNames[result.store]} | ${entry.route} | ${measured.requestsPerSecond.toFixed(0)} | ${measured.p50Milliseconds} | ${measured.p99Milliseconds} | ${measured.bytesPerRequest.toFixed(0)} | ${measured.serverCpuMicrosecondsPerRequest?.toFixed(0) ?? ''} | ${measured.errors} | ${entry.ratio === undefined ? '' : entry.ratio.toFixed(3)} | ${entry.against ?? ''} | ${entry.target === undefined ? '' : `≥ ${entry.target}`} | ${met} | ${isServer ? peak : ''} |`,
      );
    }
  }
  lines.push(
    '',
    "CPU µs/req: the answering Node process's CPU per request (with the embedded store its work is included; DynamoDB Local's JVM is not).",
  );
  for (const result of results) {
    const name = storeNames[result.store];
    const { bareHealth, bareOneRead, health } = result.figures;
    const oneReadShare = bareOneRead.requestsPerSecond / bareHealth.requestsPerSecond;
    const submissionTarget = (0.2 * health.requestsPerSecond) / bareHealth.requestsPerSecond;
    lines.push(
      `${name}: one DAL read in a bare Hono server goes at ${oneReadShare.toFixed(3)}x its /health: the most any route that calls the store once can reach. ` +
        `The history target asks 0.5x with a read of the page; reading and writing ask 0.2x the server's /health, ${submissionTarget.toFixed(3)}x bare /health, with at least three calls (session, allowance, save).`,
      ...inOneReads(name, result.figures),
      `${name}: GET /api/entitlements, median of 100 sequential calls: ${result.entitlementsAt10.toFixed(1)} ms with 10 assessments, ${result.entitlementsAt300.toFixed(1)} ms with 300: ratio ${result.entitlementsRatio.toFixed(2)} (target ≤ 1.2: ${result.entitlementsRatio <= 1.2 ? 'met' : 'not met'}).`,
      `${name}: login flood: while 100 sign-ins ran (${result.loginFlood.logins.ok} signed in, ${result.loginFlood.logins.busy} told 503 by the full hashing queue, ${result.loginFlood.logins.limited} 429 by the per-account limit), ` +
        `${result.loginFlood.reads} GET /api/auth/me of another learner took p50 ${result.loginFlood.p50Milliseconds.toFixed(1)} ms, p99 ${result.loginFlood.p99Milliseconds.toFixed(1)} ms (${result.loginFlood.readErrors} failed).`,
      `${name}: password-reset requests, median of ${result.resetTiming.pairs} interleaved pairs: ${result.resetTiming.knownMedianMilliseconds.toFixed(1)} ms for a known address, ` +
        `${result.resetTiming.unknownMedianMilliseconds.toFixed(1)} ms for an unknown one: ratio ${result.resetTiming.ratio.toFixed(2)} (target within 10 %: ${Math.abs(result.resetTiming.ratio - 1) <= 0.1 ? 'met' : 'not met'}).`,
    );
  }
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  lines.push(
    `Errors (non-2xx, timeouts, socket errors) in every load run, and reads or sign-ins that failed otherwise in the flood: ${errors}.`,
  );
  return { text: lines.join('\n'), errors };
}

const results = [];
for (const store of stores) results.push(await benchStore(store));
const table = loadTable(results);
const report = { connections, loginConnections, duration, warmup, measuredAt: new Date().toISOString(), results, errors: table.errors };
await mkdir(resultsDirectory, { recursive: true });
await writeFile(path.join(resultsDirectory, 'load.json'), `${JSON.stringify(report, null, 2)}\n`);
await writeFile(path.join(resultsDirectory, 'load-table.md'), `${table.text}\n`);
if (json) console.log(JSON.stringify(report, null, 2));
else {
  log('');
  log(table.text);
  log('');
  log(`Written to ${path.relative(repositoryRoot, resultsDirectory)}/load.json and load-table.md.`);
}
if (table.errors > 0) process.exitCode = 1;
