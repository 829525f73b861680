/**
 * Test support for the data manager: a local HTTP server on 127.0.0.1 that plays the data
 * sources, and synthetic bodies for the files ../shared/data does not have. Never the internet.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NRLMSISE00_ARRAY_SHAPES } from '@stationkeeper/runtime';

export interface Route {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body: Uint8Array | string;
  /** Send only this many body bytes (after a Content-Length for the whole body), then cut the connection. */
  readonly cutAfter?: number;
  /** Omit Content-Length (chunked transfer). */
  readonly chunked?: boolean;
  /** Send the headers, then nothing for this long before the body. */
  readonly stallMs?: number;
}

export interface TestServer {
  /** http://127.0.0.1:<port> */
  readonly base: string;
  /** Paths requested, in order. */
  readonly hits: string[];
  readonly routes: Map<string, Route>;
  close(): Promise<void>;
}

const enc = new TextEncoder();
const toBytes = (b: Uint8Array | string): Uint8Array => (typeof b === 'string' ? enc.encode(b) : b);

/** Serves `routes` keyed by URL path (e.g. '/eop/EOP-All.txt'); anything else is an HTML 404. */
export async function startServer(routes: Map<string, Route>): Promise<TestServer> {
  const hits: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    hits.push(path);
    const route = routes.get(path) ?? {
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>not here</body></html>',
    };
    // Conditional GET, as CelesTrak and most servers answer it: 304 when the validator matches.
    const etag = route.headers?.etag;
    const lastModified = route.headers?.['last-modified'];
    if ((etag !== undefined && req.headers['if-none-match'] === etag) || (etag === undefined && lastModified !== undefined && req.headers['if-modified-since'] === lastModified)) {
      res.writeHead(304, { ...(etag !== undefined ? { etag } : {}) });
      res.end();
      return;
    }
    const body = toBytes(route.body);
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', ...route.headers };
    if (!route.chunked) headers['content-length'] = String(body.byteLength);
    res.writeHead(route.status ?? 200, headers);
    const send = (): void => {
      if (route.cutAfter !== undefined) {
        res.write(body.subarray(0, route.cutAfter), () => {
          // Let the partial body reach the client, then drop the connection mid-body.
          setTimeout(() => res.socket?.destroy(), 20);
        });
        return;
      }
      res.end(body);
    };
    if (route.stallMs !== undefined) {
      res.flushHeaders();
      setTimeout(send, route.stallMs);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Synthetic bodies

/** Appends the TLE checksum (digits summed, '-' as 1, mod 10) to a 68-character line. */
export function withChecksum(line68: string): string {
  if (line68.length !== 68) throw new Error(`need 68 characters, got ${line68.length}`);
  let sum = 0;
  for (const ch of line68) {
    if (ch >= '0' && ch <= '9') sum += ch.charCodeAt(0) - 48;
    else if (ch === '-') sum += 1;
  }
  return line68 + String(sum % 10);
}

/** A 3LE element set for catalogue number `satnum` (made-up elements, valid layout and checksums). */
export function syntheticTle(satnum: number, name: string): string {
  const id = String(satnum).padStart(5, '0');
  const l1 = withChecksum(`1 ${id}U 98067A   24001.50000000  .00016717  00000-0  30306-3 0  999`);
  const l2 = withChecksum(`2 ${id}  51.6416 247.4627 0006703 130.5360 325.0288 15.4981557542123`);
  return `0 ${name}\n${l1}\n${l2}\n`;
}

export function syntheticTleText(count: number, first = 90000): string {
  let s = '';
  for (let i = 0; i < count; i++) s += syntheticTle(first + i, `TEST OBJECT ${i}`);
  return s;
}

export function syntheticOmmJson(count: number): string {
  const recs = Array.from({ length: count }, (_, i) => ({
    OBJECT_NAME: `TEST OBJECT ${i}`,
    OBJECT_ID: '1998-067A',
    EPOCH: '2024-01-01T12:00:00.000000',
    MEAN_MOTION: 15.49815575,
    ECCENTRICITY: 0.0006703,
    INCLINATION: 51.6416,
    RA_OF_ASC_NODE: 247.4627,
    ARG_OF_PERICENTER: 130.536,
    MEAN_ANOMALY: 325.0288,
    EPHEMERIS_TYPE: 0,
    CLASSIFICATION_TYPE: 'U',
    NORAD_CAT_ID: 90000 + i,
    ELEMENT_SET_NO: 999,
    REV_AT_EPOCH: 42123,
    BSTAR: 0.00030306,
    MEAN_MOTION_DOT: 0.00016717,
    MEAN_MOTION_DDOT: 0,
  }));
  return JSON.stringify(recs);
}

export function syntheticSatcat(rows: number): string {
  let s =
    'OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID,OBJECT_TYPE,OPS_STATUS_CODE,OWNER,LAUNCH_DATE,LAUNCH_SITE,DECAY_DATE,PERIOD,INCLINATION,APOGEE,PERIGEE,RCS,DATA_STATUS_CODE,ORBIT_CENTER,ORBIT_TYPE\n';
  for (let i = 0; i < rows; i++) s += `TEST OBJECT ${i},2000-001A,${90000 + i},PAY,+,US,2000-01-01,AFETR,,92.50,51.60,420,410,1.0,,EA,ORB\n`;
  return s;
}

/** An ICGEM-style .gfc with every coefficient to `maxDegree` (made-up values). */
export function syntheticGfc(maxDegree: number): string {
  const head = [
    'synthetic test model',
    'begin_of_head =====================================',
    'product_type                gravity_field',
    'modelname                   TESTMODEL',
    'earth_gravity_constant      0.3986004415E+15',
    'radius                      0.6378136300E+07',
    `max_degree                  ${maxDegree}`,
    'errors                      formal',
    'norm                        fully_normalized',
    'key     L    M         C                  S                  sigma C      sigma S',
    'end_of_head =======================================================================',
  ];
  const rows: string[] = [];
  for (let n = 0; n <= maxDegree; n++) {
    for (let m = 0; m <= n; m++) {
      const c = n === 0 ? 1 : 1e-6 / (n + 1);
      rows.push(`gfc ${String(n).padStart(5)}${String(m).padStart(5)} ${c.toExponential(12)} ${(m === 0 ? 0 : -c / 2).toExponential(12)} 1.0000e-12 1.0000e-12`);
    }
  }
  return [...head, ...rows].join('\n') + '\n';
}

/** A C initialiser in the style of nrlmsise-00_data.c: five per line, trailing zeros left out. */
function cInitialiser(values: readonly number[], indent: string): string {
  let last = values.length - 1;
  while (last >= 0 && values[last] === 0) last--;
  // C's %E style (9.86573E-01), with as many digits as the value needs to survive the round trip.
  const used = values.slice(0, last + 1).map((v) => {
    const [mant, exp] = v.toExponential().toUpperCase().split('E');
    const digits = mant.includes('.') ? mant : `${mant}.0`;
    return `${digits}E${exp[0]}${exp.slice(1).padStart(2, '0')}`;
  });
  const lines: string[] = [];
  for (let i = 0; i < used.length; i += 5) lines.push(indent + used.slice(i, i + 5).join(', '));
  return lines.join(',\n');
}

/**
 * C source declaring the ten NRLMSISE-00 arrays with the given values (nested braces for 2-D
 * arrays, comments between rows), the way the C release lays its data file out.
 */
export function cSourceFromArrays(arrays: Record<string, number[] | number[][]>): string {
  const parts = ['/* synthetic nrlmsise-00_data.c written by the stationkeeper tests */', '#include "nrlmsise-00.h"', ''];
  for (const [name, shape] of Object.entries(NRLMSISE00_ARRAY_SHAPES)) {
    const a = arrays[name];
    parts.push(`/* ${name.toUpperCase()} */`);
    if (shape.length === 1) {
      parts.push(`double ${name}[${shape[0]}] = {\n${cInitialiser(a as number[], '  ')}\n};`);
    } else {
      const rows = (a as number[][]).map((r, i) => `/* row ${i} */ {\n${cInitialiser(r, '    ')}\n  }`);
      parts.push(`double ${name}[${shape[0]}][${shape[1]}] = {\n  ${rows.join(', ')}\n};`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

/** Deterministic made-up coefficients of the NRLMSISE-00 shapes, with zero tails like the real tables. */
export function syntheticNrlmsiseArrays(): Record<string, number[] | number[][]> {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Number(((seed / 2147483648 - 0.5) * 10 ** ((seed % 7) - 3)).toPrecision(6));
  };
  const row = (len: number): number[] => Array.from({ length: len }, (_, i) => (i < len * 0.8 ? next() : 0));
  const out: Record<string, number[] | number[][]> = {};
  for (const [name, shape] of Object.entries(NRLMSISE00_ARRAY_SHAPES)) {
    out[name] = shape.length === 1 ? row(shape[0]) : Array.from({ length: shape[0] }, () => row(shape[1]));
  }
  return out;
}
