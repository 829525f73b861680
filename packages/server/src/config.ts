/** Server configuration and the start-up checks of its security settings. */
import { isIP } from 'node:net';

export interface ServerConfig {
  host: string;
  port: number;
  /** Data directory: the database lives here; `tle/stations.txt` is ingested at start-up. */
  dataDir: string;
  /** Bearer token for mutating routes (STATIONKEEPER_TOKEN). */
  token?: string;
  /** Folder of the built dashboard; null disables static files. Default packages/web/dist. */
  webDist?: string | null;
  /** Worker threads for jobs. */
  jobWorkers?: number;
  /** Jobs queued or running at once, in all and per client (default JOB_QUEUE_LIMITS). */
  jobQueueLimits?: { total: number; perClient: number };
  /** Fastify logger on/off (default off). */
  logger?: boolean;
  /** Ingest the data directory's tle/stations.txt at start-up (default true). */
  ingestDataDirTle?: boolean;
}

export const TOKEN_ENV = 'STATIONKEEPER_TOKEN';
export const MIN_TOKEN_LENGTH = 16;

export class ConfigError extends Error {}

/** True for names and addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (h.startsWith('::ffff:')) return h.slice(7).startsWith('127.');
  return false;
}

/**
 * Whether mutating routes need the bearer token: always off loopback (and then a token must be
 * configured, else the server refuses to start), and on loopback when one is configured anyway.
 */
export function tokenRequired(config: Pick<ServerConfig, 'host' | 'token'>): boolean {
  const loopback = isLoopbackHost(config.host);
  const token = config.token ?? '';
  if (!loopback && token === '') {
    throw new ConfigError(
      `refusing to listen on ${config.host} (not loopback) without a token: set ${TOKEN_ENV} (≥ ${MIN_TOKEN_LENGTH} characters), or use --host 127.0.0.1`,
    );
  }
  if (/\s/.test(token)) {
    // A header value is trimmed, so a token with blanks could never match: refuse it at start-up.
    throw new ConfigError(`${TOKEN_ENV} must not contain blanks`);
  }
  if (token !== '' && token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError(`${TOKEN_ENV} must be at least ${MIN_TOKEN_LENGTH} characters`);
  }
  return token !== '';
}
