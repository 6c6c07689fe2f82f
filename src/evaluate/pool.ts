/**
 * The evaluator's processes and who may use the machine when.
 *
 * A {@link Pool} hands out its members (builder or runner processes) one request at a time, first come
 * first served; the member used last goes first, so a process starts only when work overlaps. The {@link MachineLock} keeps runtime timing alone on the machine: builds and validations
 * hold it shared, any number at once; a timed measurement holds it exclusively, so it starts only when
 * no build or validation of this process is running and none starts until it ends. A waiting timed
 * measurement goes before shared work that arrives after it, so timing is never starved.
 */
export class Pool<T> {
  private readonly free: T[];
  private readonly waiting: Array<(member: T) => void> = [];

  constructor(readonly members: readonly T[]) {
    if (!members.length) throw new Error('Pool: no members');
    this.free = [...members];
  }

  async use<R>(work: (member: T) => Promise<R>): Promise<R> {
    const member = this.free.shift() ?? (await new Promise<T>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(member);
    } finally {
      const next = this.waiting.shift();
      if (next) next(member);
      // Back to the front: work that comes one at a time keeps using the same (started) process.
      else this.free.unshift(member);
    }
  }
}

export class MachineLock {
  private shared = 0;
  private exclusive = false;
  private readonly queue: Array<{ exclusive: boolean; go: () => void }> = [];

  private pump(): void {
    while (this.queue.length) {
      const head = this.queue[0]!;
      if (head.exclusive ? this.shared === 0 && !this.exclusive : !this.exclusive) {
        this.queue.shift();
        if (head.exclusive) this.exclusive = true;
        else this.shared++;
        head.go();
        if (head.exclusive) return;
      } else return;
    }
  }

  private async hold<R>(exclusive: boolean, work: () => Promise<R>): Promise<R> {
    await new Promise<void>((go) => {
      this.queue.push({ exclusive, go });
      this.pump();
    });
    try {
      return await work();
    } finally {
      if (exclusive) this.exclusive = false;
      else this.shared--;
      this.pump();
    }
  }

  /** Builds and validations: any number at once, never during a timed measurement. */
  sharedUse<R>(work: () => Promise<R>): Promise<R> {
    return this.hold(false, work);
  }

  /** Timed measurement: alone. */
  exclusiveUse<R>(work: () => Promise<R>): Promise<R> {
    return this.hold(true, work);
  }

  /** Shared users right now (for tests). */
  get sharedUsers(): number {
    return this.shared;
  }

  get exclusiveHeld(): boolean {
    return this.exclusive;
  }
}
