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

export type ChildResult<T> =
  | { state: 'ok'; value: T }
  /** The handler threw: the child is still healthy. */
  | { state: 'error'; error: string }
  /** The deadline passed; the child was killed. */
  | { state: 'timeout'; error: string }
  /** The child died (abort, out of memory, signal). */
  | { state: 'crashed'; error: string };

interface Envelope { id: number; ok: boolean; value?: unknown; error?: string; fatal?: boolean }

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

  /** The tail of the child's stderr (validator messages, V8 errors). */
  get stderr(): string {
    return this.stderrTail;
  }

  /** Send one request; requests are serialised. */
  request(req: Req, timeoutMs: number): Promise<ChildResult<Res>> {
    const run = () => this.send(req, timeoutMs);
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  private send(req: Req, timeoutMs: number): Promise<ChildResult<Res>> {
    const child = this.live() ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      let done = false;
      const finish = (r: ChildResult<Res>) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        child.off('error', onError);
        resolve(r);
      };
      const onMessage = (m: Envelope) => {
        if (m.id !== id) return;
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
        this.kill();
        finish({ state: 'timeout', error: `no answer within ${timeoutMs} ms` });
      }, timeoutMs);
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
 */
export function serve<Req, Res>(handler: (req: Req) => Res | Promise<Res>): void {
  process.on('message', async (m: { id: number; req: Req }) => {
    try {
      const value = await handler(m.req);
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
