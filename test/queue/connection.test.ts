// How the queue connects to Redis: URLs are checked before connecting; an unreachable Redis, or one that
// refuses the password, is a WasmtuneError (E_IO) rather than a hang; the db index and password of the URL
// are used; and a worker started against a closed port fails the same way and leaves nothing open.
import { afterAll, describe, expect, it } from 'vitest';
import { WasmtuneError } from '../../src/errors.js';
import { checkRedisUrl, closeRedis, openRedis } from '../../src/queue/connection.js';
import { freePort, startLocalRedis, type LocalRedis } from '../../src/queue/local-redis.js';
import { startWorker } from '../../src/queue/worker.js';
import { REDIS_SERVER, describeRequiring } from '../requirements.js';


const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WasmtuneError);
    return { code: (e as WasmtuneError).code, message: (e as Error).message };
  }
  throw new Error('expected a rejection');
};

describe('queue connection', () => {
  it('checks URLs: redis:// only, a whole-number database', () => {
    expect(() => checkRedisUrl('redis://host:6379/2')).not.toThrow();
    expect(() => checkRedisUrl('redis://:pw@host')).not.toThrow();
    for (const bad of ['host:6379', 'http://host:6379', 'redis://host/x', 'nonsense']) {
      expect(() => checkRedisUrl(bad), bad).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    }
  });

  it('an unreachable Redis is E_IO, for openRedis and for a worker', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const direct = await codeOf(openRedis(url));
    expect(direct.code).toBe('E_IO');
    expect(direct.message).toMatch(/ECONNREFUSED/);
    expect((await codeOf(startWorker({ url }))).code).toBe('E_IO');
  });

  describeRequiring(REDIS_SERVER, 'against a redis-server with a password', () => {
    let redis: LocalRedis | undefined;
    afterAll(async () => redis?.stop());

    it('uses the password and the database of the URL; a wrong password is E_IO without the password in the message', async () => {
      redis = await startLocalRedis({ password: 's3cret' });
      const url = `${redis.url}/3`;
      const client = await openRedis(url);
      await client.set('wasmtune-test', 'x');
      const db3 = await openRedis(url);
      const db0 = await openRedis(redis.url);
      expect(await db3.get('wasmtune-test')).toBe('x');
      expect(await db0.get('wasmtune-test')).toBeNull();
      for (const c of [client, db3, db0]) await closeRedis(c);
      expect(client.status).toBe('end');

      const wrong = await codeOf(openRedis(redis.url.replace('s3cret', 'nope')));
      expect(wrong.code).toBe('E_IO');
      expect(wrong.message).not.toMatch(/nope/);
    }, 30_000);
  });
});
