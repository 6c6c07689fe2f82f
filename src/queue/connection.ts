/**
 * BullMQ on Redis, the way wasmtune connects to it: each side (the collector, a worker) opens one ioredis
 * client, checked before BullMQ gets it. BullMQ runs the queue's commands on it and opens its own
 * duplicates for blocking reads (which it closes); the side closes the client after its BullMQ objects.
 * One queue name for leaderboard jobs; jobs of different runs are told apart by their ids.
 */
import { Redis } from 'ioredis';
import { WasmtuneError, messageOf } from '../errors.js';

/** The queue leaderboard jobs go to. */
export const QUEUE_NAME = 'wasmtune-leaderboard';

/** Check that `url` is a `redis://[user:password@]host[:port][/db]` URL; ioredis reads it. */
export function checkRedisUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new WasmtuneError('E_USAGE', `--queue takes a Redis URL such as redis://host:6379/0, got '${url}'.`);
  }
  if (u.protocol !== 'redis:') throw new WasmtuneError('E_USAGE', `--queue takes a redis:// URL (TLS is not supported), got '${shown(url)}'.`);
  const db = u.pathname.slice(1);
  if (db && !/^\d+$/.test(db)) throw new WasmtuneError('E_USAGE', `The database in '${shown(url)}' must be a whole number.`);
}

/** The URL without its password, for messages. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * An ioredis client connected to `url`, set up as BullMQ requires for workers (`maxRetriesPerRequest:
 * null`: a command waits through a reconnection instead of failing). Once connected it reconnects for
 * as long as it is open. Rejects with E_IO when Redis cannot be reached or refuses the client.
 */
export async function openRedis(url: string): Promise<Redis> {
  checkRedisUrl(url);
  const client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  let last: Error | undefined;
  client.on('error', (e: Error) => (last = e)); // BullMQ reports errors on its own objects
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    client.disconnect();
    throw new WasmtuneError('E_IO', `Cannot use Redis at ${shown(url)}: ${messageOf(last ?? e)}`);
  }
  return client;
}

/** Close a client from {@link openRedis}: QUIT, or drop the connection if Redis does not answer. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    await Promise.race([client.quit(), new Promise((_, reject) => setTimeout(reject, 2000).unref())]);
  } catch {
    // not answering: drop it
  }
  client.disconnect();
}
