/**
 * A long-lived child process that answers requests one at a time, with a deadline per request.
 * A request that misses its deadline kills the child (SIGKILL) and the next request starts a fresh one,
 * so a candidate that loops forever, or a Binaryen abort that leaves its heap undefined, costs one
 * record and never the tuning process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { messageOf } from '../errors.js';
import { compiledCopy } from './compiled.js';
import { CPU_TIME_AVAILABLE, processCpuMs } from './cpu.js';

export type ChildResult<T> = (
  | { state: 'ok'; value: T }
  /** The handler threw: the child is still healthy. */
  | { state: 'error'; error: string }
  /** A deadline passed (`limit` says which); the child was killed. */
  | { state: 'timeout'; error: string; limit: 'wall' | 'cpu' }
  /** The child died (abort, out of memory, signal). */
  | { state: 'crashed'; error: string }
) & {
  /** CPU time the child used on the request, ms (where it can be read: see cpu.ts). */
  cpuMs?: number;
  /** The last progress value the child reported for the request (see {@link serve}). */
  progress?: unknown;
};

export interface RequestOptions {
  /**
   * Deadline in CPU time of the child, ms, checked every {@link CPU_POLL_MS}. Where CPU time cannot be read,
   * the wall-clock deadline becomes the smaller of the two.
   */
  cpuLimitMs?: number;
}

/** How often a CPU-time deadline is checked, ms. */
export const CPU_POLL_MS = 20;

interface Envelope { id: number; ok?: boolean; value?: unknown; error?: string; fatal?: boolean; progress?: unknown }

/**
 * The file a child process runs: `name` next to the calling module. Compiled, that is the .js beside the
 * caller. From source (.ts, under tsx), it is the compiled copy in dist/ when dist/ is the build of the
 * current sources (see compiled.ts), and otherwise the .ts itself through tsx, which is far slower to
 * start.
 */
export function childEntry(callerUrl: string, name: string): { file: string; execArgv: string[] } {
  const caller = fileURLToPath(callerUrl);
  if (caller.endsWith('.ts')) {
    const source = fileURLToPath(new URL(`./${name}.ts`, callerUrl));
    const compiled = compiledCopy(source);
    return compiled ? { file: compiled, execArgv: [] } : { file: source, execArgv: ['--import', 'tsx'] };
  }
  return { file: fileURLToPath(new URL(`./${name}.js`, callerUrl)), execArgv: [] };
}

export class ChildWorker<Req, Res> {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private stderrTail = '';
  /** Number of child processes started (1 + restarts). */
  starts = 0;

  constructor(
    private readonly file: string,
    private readonly execArgv: string[],
    private readonly env: Record<string, string> = {},
  ) {}

  private start(): ChildProcess {
    this.starts++;
    this.stderrTail = '';
    const child = fork(this.file, [], {
      execArgv: this.execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, ...this.env },
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => {
      this.stderrTail = (this.stderrTail + d).slice(-4000);
    });
    child.unref();
    (child as unknown as { channel?: { unref(): void } }).channel?.unref();
    this.child = child;
    return child;
  }

  /** Start the child now (if none is running), so its start-up overlaps other work. */
  warm(): void {
    if (!this.live()) this.start();
  }

  private live(): ChildProcess | undefined {
    const c = this.child;
    return c && c.exitCode === null && c.signalCode === null && c.connected ? c : undefined;
  }

  /** Whether a child process is running now. */
  get running(): boolean {
    return this.live() !== undefined;
  }

  /** The tail of the child's stderr (validator messages, V8 errors). */
  get stderr(): string {
    return this.stderrTail;
  }

  /** Send one request; requests are serialised. */
  request(req: Req, timeoutMs: number, options: RequestOptions = {}): Promise<ChildResult<Res>> {
    const run = () => this.send(req, timeoutMs, options);
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  private send(req: Req, timeoutMs: number, options: RequestOptions): Promise<ChildResult<Res>> {
    const child = this.live() ?? this.start();
    const id = this.nextId++;
    const cpuLimit = options.cpuLimitMs;
    // A child that reports progress is charged from its first report on: a child started for this
    // request first loads its code, which is not the request's cost.
    let cpuStart = processCpuMs(child.pid);
    const wallMs = cpuLimit !== undefined && (!CPU_TIME_AVAILABLE || cpuStart === undefined) ? Math.min(timeoutMs, cpuLimit) : timeoutMs;
    return new Promise((resolve) => {
      let done = false;
      let progress: unknown;
      const cpuUsed = () => {
        const now = processCpuMs(child.pid);
        return now === undefined || cpuStart === undefined ? undefined : now - cpuStart;
      };
      const finish = (r: ChildResult<Res>) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (poll) clearInterval(poll);
        child.off('message', onMessage);
        child.off('exit', onExit);
        child.off('error', onError);
        const cpuMs = r.cpuMs ?? cpuUsed();
        resolve({ ...r, ...(cpuMs !== undefined ? { cpuMs } : {}), ...(progress !== undefined ? { progress } : {}) });
      };
      const onMessage = (m: Envelope) => {
        if (m.id !== id) return;
        if (m.ok === undefined) {
          if (progress === undefined) cpuStart = processCpuMs(child.pid) ?? cpuStart;
          progress = m.progress;
          return;
        }
        if (m.ok) finish({ state: 'ok', value: m.value as Res });
        else if (m.fatal) {
          this.kill();
          finish({ state: 'crashed', error: m.error ?? 'unknown error' });
        } else finish({ state: 'error', error: m.error ?? 'unknown error' });
      };
      const onExit = (code: number | null, signal: string | null) => {
        const tail = this.stderrTail.trim().split('\n').slice(-3).join(' | ');
        finish({ state: 'crashed', error: `child process exited (${signal ?? `code ${code}`})${tail ? `: ${tail}` : ''}` });
      };
      const onError = (e: Error) => finish({ state: 'crashed', error: messageOf(e) });
      const timer = setTimeout(() => {
        const cpuMs = cpuUsed();
        this.kill();
        finish({ state: 'timeout', limit: wallMs < timeoutMs ? 'cpu' : 'wall', error: `no answer within ${wallMs} ms`, ...(cpuMs !== undefined ? { cpuMs } : {}) });
      }, wallMs);
      const poll =
        cpuLimit !== undefined && wallMs === timeoutMs
          ? setInterval(() => {
              const cpuMs = cpuUsed();
              if (cpuMs === undefined || cpuMs <= cpuLimit) return;
              this.kill();
              finish({ state: 'timeout', limit: 'cpu', error: `more than ${cpuLimit} ms of CPU time`, cpuMs });
            }, CPU_POLL_MS)
          : undefined;
      poll?.unref();
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.on('error', onError);
      try {
        child.send({ id, req });
      } catch (e) {
        finish({ state: 'crashed', error: messageOf(e) });
      }
    });
  }

  kill(): void {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGKILL');
    this.child = undefined;
  }

  close(): void {
    this.kill();
  }
}

/**
 * The child side: answer each request with `handler`. A handler that throws answers with an error; a
 * handler that throws an error marked fatal (see {@link FatalError}) makes the parent recycle the child.
 * `progress(value)` tells the parent how far the handler got (the step a build is at): the parent keeps
 * the last value, so a request killed at its deadline says where it was.
 */
export function serve<Req, Res>(handler: (req: Req, progress: (value: unknown) => void) => Res | Promise<Res>): void {
  process.on('message', async (m: { id: number; req: Req }) => {
    try {
      const value = await handler(m.req, (progress) => process.send?.({ id: m.id, progress } satisfies Envelope));
      process.send?.({ id: m.id, ok: true, value } satisfies Envelope);
    } catch (e) {
      process.send?.({ id: m.id, ok: false, error: messageOf(e), fatal: e instanceof FatalError } satisfies Envelope);
    }
  });
  process.on('disconnect', () => process.exit(0));
  // A terminal's Ctrl-C reaches the whole process group: the parent decides what an interrupt means
  // (an interrupted tune still closes its children in order), and a child ends when its parent goes.
  process.on('SIGINT', () => {});
}

/** Thrown inside a child when its state can no longer be trusted (a Binaryen abort). */
export class FatalError extends Error {}
