/**
 * One HTTP download into memory with the checks a data file needs before it may be stored:
 * HTTP status, whole-download and idle timeouts, Content-Length agreement, minimum and maximum
 * size. Nothing touches the disk here; the caller validates the content and writes atomically.
 */

export class DownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadOptions {
  /** Fewer bytes than this is an error page or a cut file. */
  readonly minBytes: number;
  /** More bytes than this aborts the download. */
  readonly maxBytes: number;
  /** Limit on the whole download, ms. */
  readonly timeoutMs: number;
  /** Limit on a pause with no bytes arriving (and on the wait for the response headers), ms. */
  readonly idleTimeoutMs: number;
  /** Called once the headers arrive, with the expected size when the server states it. */
  readonly onStart?: (totalBytes: number | undefined) => void;
  readonly onProgress?: (receivedBytes: number) => void;
  /** Validators of the copy we hold: sent as If-None-Match / If-Modified-Since, so an unchanged file costs a 304. */
  readonly ifNoneMatch?: string;
  readonly ifModifiedSince?: string;
  /** fetch implementation (tests may pass their own); default globalThis.fetch. */
  readonly fetchImpl?: typeof fetch;
}

export interface Downloaded {
  readonly notModified?: false;
  readonly bytes: Uint8Array;
  /** URL after redirects. */
  readonly finalUrl: string;
  readonly lastModified?: string;
  readonly etag?: string;
}

/** The server answered 304: the copy we hold is current. */
export interface NotModified {
  readonly notModified: true;
  readonly finalUrl: string;
}

/** Why a host could not be reached, by the system error code undici puts in `cause`. */
const UNREACHABLE: Readonly<Record<string, string>> = {
  ENOTFOUND: 'no network: could not reach',
  EAI_AGAIN: 'no network: could not reach',
  ENETUNREACH: 'no network: could not reach',
  EHOSTUNREACH: 'could not reach',
  ECONNREFUSED: 'connection refused by',
  ETIMEDOUT: 'no answer from',
};

/** Prefix of the messages that say the host was never reached (fetch.ts merges them per dataset). */
export function isUnreachableMessage(message: string): boolean {
  return Object.values(UNREACHABLE).some((p) => message.startsWith(`${p} `));
}

/** Undici hides the useful part (ECONNREFUSED, 'other side closed') in `cause`. */
function describe(err: unknown, url: string): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const unreachable = e.cause?.code !== undefined ? UNREACHABLE[e.cause.code] : undefined;
  if (unreachable) return `${unreachable} ${new URL(url).host}`;
  const cause = e.cause?.code ?? e.cause?.message;
  return cause !== undefined && cause !== e.message ? `${e.message ?? String(err)} (${cause})` : (e.message ?? String(err));
}

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(1)} s`;

export async function downloadBytes(url: string, opts: DownloadOptions): Promise<Downloaded | NotModified> {
  const fetchImpl = opts.fetchImpl ?? globalThis.fetch;
  const abort = new AbortController();
  let abortReason: string | undefined;
  const stop = (why: string): void => {
    abortReason ??= why;
    abort.abort();
  };
  const whole = setTimeout(() => stop(`timed out after ${seconds(opts.timeoutMs)}`), opts.timeoutMs);
  let idle: NodeJS.Timeout | undefined;
  const armIdle = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => stop(`no data for ${seconds(opts.idleTimeoutMs)}`), opts.idleTimeoutMs);
  };
  try {
    armIdle();
    let res: Response;
    try {
      res = await fetchImpl(url, {
        signal: abort.signal,
        redirect: 'follow',
        headers: {
          'user-agent': 'stationkeeper-data-fetch/0.1',
          accept: '*/*',
          ...(opts.ifNoneMatch !== undefined ? { 'if-none-match': opts.ifNoneMatch } : {}),
          ...(opts.ifModifiedSince !== undefined ? { 'if-modified-since': opts.ifModifiedSince } : {}),
        },
      });
    } catch (err) {
      const why = describe(err, url);
      throw new DownloadError(abortReason ?? (isUnreachableMessage(why) ? why : `request failed: ${why}`));
    }
    if (res.status === 304 && (opts.ifNoneMatch !== undefined || opts.ifModifiedSince !== undefined)) {
      await res.body?.cancel().catch(() => undefined);
      return { notModified: true, finalUrl: res.url || url };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new DownloadError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    }
    // With a content coding, Content-Length counts the compressed bytes, not what we receive.
    const lengthHeader = res.headers.get('content-length');
    const coding = res.headers.get('content-encoding');
    const expected =
      lengthHeader !== null && /^\d+$/.test(lengthHeader) && (coding === null || coding === 'identity') ? Number(lengthHeader) : undefined;
    if (expected !== undefined && expected > opts.maxBytes) {
      stop('too large');
      throw new DownloadError(`Content-Length ${expected} is over the ${opts.maxBytes}-byte limit`);
    }
    opts.onStart?.(expected);
    if (res.body === null) throw new DownloadError('response has no body');
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        armIdle();
        received += value.byteLength;
        if (received > opts.maxBytes) {
          stop('too large');
          throw new DownloadError(`more than ${opts.maxBytes} bytes; download aborted`);
        }
        chunks.push(value);
        opts.onProgress?.(received);
      }
    } catch (err) {
      if (err instanceof DownloadError) throw err;
      const of = expected !== undefined ? ` of ${expected}` : '';
      throw new DownloadError(abortReason ?? `connection lost after ${received}${of} bytes: ${describe(err, url)}`);
    }
    if (expected !== undefined && received !== expected) {
      throw new DownloadError(`received ${received} bytes but Content-Length said ${expected}: the download is incomplete`);
    }
    if (received < opts.minBytes) {
      throw new DownloadError(`only ${received} bytes; the real file is at least ${opts.minBytes} (an error page or a cut file?)`);
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return {
      bytes,
      finalUrl: res.url || url,
      lastModified: res.headers.get('last-modified') ?? undefined,
      etag: res.headers.get('etag') ?? undefined,
    };
  } finally {
    clearTimeout(whole);
    clearTimeout(idle);
  }
}
