// Timing is alone on the machine: builds and validations share the lock, a timed measurement waits until
// none runs and none starts while it runs, and shared work that arrives after a waiting measurement
// waits behind it. The pool hands each member to one user at a time.
import { describe, expect, it } from 'vitest';
import { MachineLock, Pool } from '../../src/evaluate/pool.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('MachineLock', () => {
  it('never lets a timed measurement overlap shared work', async () => {
    const lock = new MachineLock();
    const log: string[] = [];
    let shared = 0;
    let exclusive = 0;
    const sharedWork = (name: string) =>
      lock.sharedUse(async () => {
        expect(exclusive).toBe(0);
        shared++;
        log.push(`+${name}`);
        await tick();
        shared--;
        log.push(`-${name}`);
      });
    const timed = (name: string) =>
      lock.exclusiveUse(async () => {
        expect(shared).toBe(0);
        expect(exclusive).toBe(0);
        exclusive++;
        log.push(`+${name}`);
        await tick();
        exclusive--;
        log.push(`-${name}`);
      });
    await Promise.all([sharedWork('b1'), sharedWork('b2'), timed('t1'), sharedWork('b3'), timed('t2'), sharedWork('b4')]);
    // b1 and b2 overlap; t1 waits for both; b3 (arrived after t1) waits for t1; t2 after b3; b4 last.
    expect(log).toEqual(['+b1', '+b2', '-b1', '-b2', '+t1', '-t1', '+b3', '-b3', '+t2', '-t2', '+b4', '-b4']);
  });

  it('releases the lock when the work throws', async () => {
    const lock = new MachineLock();
    await expect(lock.exclusiveUse(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.sharedUse(async () => 'ok')).resolves.toBe('ok');
    expect(lock.exclusiveHeld).toBe(false);
    expect(lock.sharedUsers).toBe(0);
  });
});

describe('Pool', () => {
  it('gives each member to one user at a time and serves waiters in order', async () => {
    const pool = new Pool(['a', 'b']);
    const busy = new Set<string>();
    const order: string[] = [];
    const use = (i: number) =>
      pool.use(async (m) => {
        expect(busy.has(m)).toBe(false);
        busy.add(m);
        order.push(`${i}:${m}`);
        await tick();
        busy.delete(m);
      });
    await Promise.all([0, 1, 2, 3, 4].map(use));
    expect(order.slice(0, 2)).toEqual(['0:a', '1:b']);
    expect(order.map((o) => o.split(':')[0])).toEqual(['0', '1', '2', '3', '4']);
  });

  it('keeps using the same member for work that comes one at a time', async () => {
    const pool = new Pool(['a', 'b']);
    const used: string[] = [];
    for (let i = 0; i < 4; i++) await pool.use(async (m) => void used.push(m));
    expect(used).toEqual(['a', 'a', 'a', 'a']);
  });
});
