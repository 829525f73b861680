/**
 * `--queue redis://[user:password@]host:port[/db][?name=queue]`: where the screening queue lives.
 * Parsed here once, so the coordinator and the workers agree on the queue name and key prefix.
 */
import { createRequire } from 'node:module';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** Queue name when the URL names none. */
export const DEFAULT_QUEUE_NAME = 'stationkeeper-screening';
/** Key prefix of every key this project writes (BullMQ's and ours). */
export const QUEUE_KEY_PREFIX = 'stationkeeper';

export interface QueueLocation {
  /** The URL as given, with any password masked (for messages). */
  readonly display: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
  readonly queueName: string;
}

export class QueueUrlError extends Error {}

export function parseQueueUrl(url: string): QueueLocation {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new QueueUrlError(`--queue: '${url}' is not a URL (expected redis://host:port)`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new QueueUrlError(`--queue: '${url}' must start with redis:// or rediss://`);
  }
  const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = u.port === '' ? 6379 : Number(u.port);
  const dbText = u.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new QueueUrlError(`--queue: database '${dbText}' in '${url}' is not a non-negative integer`);
  const queueName = u.searchParams.get('name') ?? DEFAULT_QUEUE_NAME;
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(queueName)) {
    throw new QueueUrlError(`--queue: queue name '${queueName}' may hold only letters, digits, '_', '.', '-'`);
  }
  const masked = new URL(u.href);
  if (masked.password !== '') masked.password = '***';
  return {
    display: masked.href,
    host,
    port,
    db,
    username: u.username === '' ? undefined : decodeURIComponent(u.username),
    password: u.password === '' ? undefined : decodeURIComponent(u.password),
    tls: u.protocol === 'rediss:',
    queueName,
  };
}

/** ioredis connection options (BullMQ builds its clients from these). */
export function connectionOptions(loc: QueueLocation): Record<string, unknown> {
  return {
    host: loc.host,
    port: loc.port,
    db: loc.db,
    username: loc.username,
    password: loc.password,
    tls: loc.tls ? {} : undefined,
    // BullMQ requires null for its blocking connections.
    maxRetriesPerRequest: null,
    connectTimeout: 5000,
  };
}

/**
 * Open a socket and PING, so that an unreachable Redis is reported at once with its URL instead
 * of the client library retrying in silence. A NOAUTH reply still means someone is listening.
 */
export async function checkRedisReachable(loc: QueueLocation, timeoutMs = 3000): Promise<void> {
  const fail = (why: string): Error => new Error(`cannot reach Redis at ${loc.display}: ${why}`);
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    let socket: Socket;
    const done = (err?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => done(fail(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const onConnect = (): void => {
      socket.write('*1\r\n$4\r\nPING\r\n');
    };
    socket = loc.tls ? tlsConnect({ host: loc.host, port: loc.port, servername: loc.host }, onConnect) : netConnect({ host: loc.host, port: loc.port }, onConnect);
    let reply = '';
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (!reply.includes('\r\n')) return;
      if (reply.startsWith('+PONG') || reply.startsWith('-NOAUTH') || reply.startsWith('-WRONGPASS')) done();
      else done(fail(`unexpected reply '${reply.split('\r\n')[0]}' (is this a Redis server?)`));
    });
    socket.on('error', (e: NodeJS.ErrnoException) => done(fail(e.code ?? e.message)));
    socket.on('close', () => done(fail('connection closed before PONG')));
  });
}

/**
 * BullMQ loads the ioredis client itself (an optional peer dependency); check that it can, so a
 * missing install is one clear error instead of a stream of failed reconnections.
 */
export function checkRedisClientInstalled(): void {
  try {
    createRequire(import.meta.url).resolve('ioredis');
  } catch {
    throw new Error("the distributed mode needs the 'ioredis' package next to 'bullmq' (npm install ioredis in packages/server)");
  }
}
