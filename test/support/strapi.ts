import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  readFile,
  rm,
  rmdir,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

/** Folder of the Strapi application that tests start. */
export const STRAPI_APP_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'strapi',
);

const NODE_MODULES = join(STRAPI_APP_DIR, 'node_modules');
const STRAPI_BIN = join(NODE_MODULES, '@strapi', 'strapi', 'bin', 'strapi.js');
const LOCKFILE = join(STRAPI_APP_DIR, 'package-lock.json');
/** Holds the hash of the lockfile that node_modules was installed from. */
const INSTALL_MARKER = join(NODE_MODULES, '.apilados-installed');
const INSTALL_LOCK = join(STRAPI_APP_DIR, '.tmp', 'install.lock');
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const DEFAULT_START_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 15_000;
const POLL_MS = 250;
const LOG_TAIL_LINES = 40;
// Colour codes that the server's logger writes even into a file.
const ANSI_ESCAPES = /\u001b\[[0-9;]*m/g;

/** A running local Strapi, reachable on the loopback interface. */
export interface LocalStrapi {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  baseUrl: string;
  /** Full-access API token, to send as `Authorization: Bearer <token>`. */
  token: string;
  /** Process id of the server, leader of its own process group. */
  pid: number;
  port: number;
  /** Temporary folder with the database, log and token file. */
  dataDir: string;
  /** Server log (stdout and stderr), inside `dataDir`. */
  logFile: string;
  /** Ends the server's process group, waits for it, removes `dataDir`. */
  stop(): Promise<void>;
}

/** Options of {@link startStrapi}. */
export interface StartStrapiOptions {
  /** Port to bind on 127.0.0.1; a free one is picked when absent. */
  port?: number;
  /** How long to wait for the API to answer, in ms (default 120 000). */
  timeoutMs?: number;
  /** Leave `dataDir` in place after `stop()`, to read the log. */
  keepDataDir?: boolean;
}

/**
 * A local Strapi could not be installed, started or stopped; `logTail` holds
 * the last lines of its output and `logFile` where the rest is.
 */
export class LocalStrapiError extends Error {
  override readonly name = 'LocalStrapiError';
  constructor(
    message: string,
    readonly logFile: string | undefined,
    readonly logTail: string,
  ) {
    super(
      logTail === ''
        ? message
        : `${message}\n--- last lines of ${logFile ?? 'the output'} ---\n` +
            logTail,
    );
  }
}

/** Servers started by this process and not yet stopped. */
const running = new Set<RunningStrapi>();
let exitHookInstalled = false;
let installing: Promise<void> | undefined;

/**
 * Installs test/strapi's own dependencies with `npm ci` unless they are
 * already installed from the current package-lock.json. Safe to call from
 * several test files at once: one installs, the others wait for it.
 */
export function ensureStrapiInstalled(): Promise<void> {
  installing ??= installOnce().finally(() => {
    installing = undefined;
  });
  return installing;
}

/**
 * Starts a local Strapi on a fresh, empty SQLite database in a new temporary
 * folder and resolves once an authenticated GET /api/encuestas answers 200.
 * Throws {@link LocalStrapiError} with the log's tail if it does not; the
 * folder of a failed start is left in place for its log.
 */
export async function startStrapi(
  options: StartStrapiOptions = {},
): Promise<LocalStrapi> {
  await ensureStrapiInstalled();
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await startOnPort(port, options);
    } catch (error) {
      const portTaken =
        error instanceof LocalStrapiError && /port .* already used|EADDRINUSE/
          .test(error.logTail);
      if (!portTaken || attempt >= attempts) throw error;
      if (error.logFile !== undefined) {
        await rm(dirname(error.logFile), { recursive: true, force: true });
      }
    }
  }
}

/** Stops every server this process started and has not stopped yet. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

async function installOnce(): Promise<void> {
  if (isInstalled()) return;
  await withInstallLock(async () => {
    if (isInstalled()) return;
    console.info('Installing test/strapi (npm ci, a few minutes)...');
    const logFile = join(tmpdir(), `apilados-strapi-npm-ci-${process.pid}.log`);
    const code = await runToLog(
      'npm',
      ['ci', '--no-audit', '--no-fund'],
      logFile,
      INSTALL_TIMEOUT_MS,
    );
    if (code !== 0 || !existsSync(STRAPI_BIN)) {
      throw new LocalStrapiError(
        `npm ci in ${STRAPI_APP_DIR} failed with exit code ${code}`,
        logFile,
        await tail(logFile),
      );
    }
    await writeFile(INSTALL_MARKER, lockfileHash());
    await rm(logFile, { force: true });
  });
}

function lockfileHash(): string {
  return createHash('sha256').update(readFileSync(LOCKFILE)).digest('hex');
}

function isInstalled(): boolean {
  if (!existsSync(STRAPI_BIN) || !existsSync(INSTALL_MARKER)) return false;
  return readFileSync(INSTALL_MARKER, 'utf8').trim() === lockfileHash();
}

/** Runs `work` holding a lock folder shared by every process on the host. */
async function withInstallLock(work: () => Promise<void>): Promise<void> {
  await mkdir(dirname(INSTALL_LOCK), { recursive: true });
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  for (;;) {
    try {
      await mkdir(INSTALL_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(
      await readFile(join(INSTALL_LOCK, 'pid'), 'utf8').catch(() => ''),
    );
    if (owner > 0 ? !isAlive(owner) : await lockIsStale()) {
      await rm(INSTALL_LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new LocalStrapiError(
        `timed out waiting for another install of ${STRAPI_APP_DIR}`,
        undefined,
        '',
      );
    }
    await sleep(1000);
    if (isInstalled()) return;
  }
  try {
    await writeFile(join(INSTALL_LOCK, 'pid'), String(process.pid));
    await work();
  } finally {
    await rm(join(INSTALL_LOCK, 'pid'), { force: true });
    await rmdir(INSTALL_LOCK).catch(() => undefined);
  }
}

/** A lock without an owner's pid after a minute was left by a crash. */
async function lockIsStale(): Promise<boolean> {
  const info = await stat(INSTALL_LOCK).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > 60_000;
}

/** Runs a command in the app folder; resolves with its exit code. */
async function runToLog(
  command: string,
  args: string[],
  logFile: string,
  timeoutMs: number,
): Promise<number> {
  const fd = openSync(logFile, 'w');
  try {
    const child = spawn(command, args, {
      cwd: STRAPI_APP_DIR,
      env: childEnv({}),
      stdio: ['ignore', fd, fd],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
      return await new Promise<number>((done, fail) => {
        child.once('error', fail);
        child.once('exit', (code) => done(code ?? 1));
      });
    } finally {
      clearTimeout(timer);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The environment of a child: this process's, less what npm sets for its
 * own scripts (which would point npm or Strapi at the root package) and
 * less NODE_OPTIONS (loaders of the test runner), plus `extra`.
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_') || lower === 'init_cwd') continue;
    if (key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

async function startOnPort(
  port: number,
  options: StartStrapiOptions,
): Promise<LocalStrapi> {
  const dataDir = await mkdtemp(join(tmpdir(), 'apilados-strapi-'));
  const logFile = join(dataDir, 'strapi.log');
  const tokenFile = join(dataDir, 'api-token');
  const fd = openSync(logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
      cwd: STRAPI_APP_DIR,
      detached: true,
      stdio: ['ignore', fd, fd],
      env: childEnv({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_FILENAME: join(dataDir, 'data.db'),
        APILADOS_TOKEN_FILE: tokenFile,
        APILADOS_PARENT_PID: String(process.pid),
        STRAPI_TELEMETRY_DISABLED: 'true',
        NO_COLOR: '1',
        BROWSER: 'none',
      }),
    });
  } finally {
    closeSync(fd);
  }
  if (child.pid === undefined) {
    throw new LocalStrapiError('could not spawn Strapi', logFile, '');
  }
  child.unref();
  const server = new RunningStrapi(child, port, dataDir, logFile, options);
  running.add(server);
  installExitHook();
  try {
    server.token = await waitUntilReady(server, tokenFile, options);
    return server;
  } catch (error) {
    await server.stop(true);
    throw error;
  }
}

class RunningStrapi implements LocalStrapi {
  readonly baseUrl: string;
  readonly pid: number;
  token = '';
  private readonly exited: Promise<void>;
  private hasExited = false;
  private stopping: Promise<void> | undefined;

  constructor(
    child: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
    readonly logFile: string,
    private readonly options: StartStrapiOptions,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.pid = child.pid as number;
    this.exited = new Promise((done) => {
      child.once('exit', () => {
        this.hasExited = true;
        done();
      });
    });
  }

  get isRunning(): boolean {
    return !this.hasExited;
  }

  stop(keepDataDir = this.options.keepDataDir === true): Promise<void> {
    this.stopping ??= this.terminate(keepDataDir);
    return this.stopping;
  }

  /** Kills the group synchronously; for the process "exit" hook. */
  killNow(): void {
    signalGroup(this.pid, 'SIGKILL');
  }

  private async terminate(keepDataDir: boolean): Promise<void> {
    if (!this.hasExited) signalGroup(this.pid, 'SIGTERM');
    const graceful = await Promise.race([
      this.exited.then(() => true),
      sleep(STOP_GRACE_MS).then(() => false),
    ]);
    if (!graceful) signalGroup(this.pid, 'SIGKILL');
    await this.exited;
    // Children of the server, if any, share its process group.
    if (groupExists(this.pid)) signalGroup(this.pid, 'SIGKILL');
    running.delete(this);
    if (!keepDataDir) {
      await rm(this.dataDir, { recursive: true, force: true });
    }
  }
}

async function waitUntilReady(
  server: RunningStrapi,
  tokenFile: string,
  options: StartStrapiOptions,
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let lastAnswer = 'no answer yet';
  while (Date.now() < deadline) {
    if (!server.isRunning) {
      throw new LocalStrapiError(
        'Strapi exited before it was ready',
        server.logFile,
        await tail(server.logFile),
      );
    }
    const token = await readFile(tokenFile, 'utf8').catch(() => undefined);
    if (token !== undefined && token !== '') {
      try {
        const response = await fetch(`${server.baseUrl}/api/encuestas`, {
          headers: { Authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(5000),
        });
        await response.arrayBuffer();
        if (response.status === 200) return token;
        lastAnswer = `HTTP ${response.status}`;
      } catch (error) {
        lastAnswer = (error as Error).message;
      }
    }
    await sleep(POLL_MS);
  }
  throw new LocalStrapiError(
    `Strapi did not answer GET /api/encuestas with 200 within ${timeoutMs} ms` +
      ` (last: ${lastAnswer})`,
    server.logFile,
    await tail(server.logFile),
  );
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const server of running) server.killNow();
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function groupExists(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tail(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .replace(ANSI_ESCAPES, '')
    .trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
