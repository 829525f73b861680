/**
 * Thin client for the stationkeeper HTTP API (docs/api.md). Every call goes to the page's own
 * origin (`/api/...`): the dashboard never talks to another host.
 */
import type { PassJson as WirePassJson, SkyPointJson } from '@stationkeeper/runtime';

/** An HTTP answer that is not 2xx, with the server's own explanation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's `message` (Fastify error body) or the raw text. */
    readonly serverMessage: string,
    readonly path: string,
    /** Parsed JSON body, when there was one. */
    readonly body: unknown = null,
  ) {
    super(`${path}: HTTP ${status}: ${serverMessage}`);
  }

  /** The route is not there (yet) or not implemented: 404 or 501. */
  get notAvailable(): boolean {
    return this.status === 404 || this.status === 501;
  }

  /** Where the server says the problem is (`body.events[1].date`), when it says. */
  get field(): string | undefined {
    const f = this.body && typeof this.body === 'object' ? (this.body as Record<string, unknown>).field : undefined;
    return typeof f === 'string' ? f : undefined;
  }

  /** For a 503 (missing data file): the `stationkeeper data fetch …` command the server names. */
  get fetchCommand(): string | undefined {
    return dataFetchCommand(this.serverMessage);
  }
}

/** The `stationkeeper data fetch --only …` command quoted in a server message, if any. */
export function dataFetchCommand(message: string): string | undefined {
  const quoted = /`(stationkeeper data fetch[^`]*)`/.exec(message);
  if (quoted) return quoted[1].trim();
  const bare = /(stationkeeper data fetch(?: --[\w-]+(?: [^\s`—]+)?)*)/.exec(message);
  return bare ? bare[1].trim() : undefined;
}

async function readError(res: Response, path: string): Promise<ApiError> {
  const text = await res.text();
  let body: unknown = null;
  let message = text.trim() || res.statusText;
  try {
    body = JSON.parse(text);
    if (body && typeof body === 'object') {
      const b = body as Record<string, unknown>;
      const m = b.message ?? b.error ?? b.detail;
      if (typeof m === 'string' && m.length > 0) message = m;
    }
  } catch {
    // not JSON: keep the text
  }
  return new ApiError(res.status, message, path, body);
}

export type Query = Record<string, string | number | boolean | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const url = withQuery(path, query);
  const res = await fetch(url, { headers: { accept: 'application/json' }, signal });
  if (!res.ok) throw await readError(res, url);
  return (await res.json()) as T;
}

/**
 * A request that also says which 2xx it was (the lifetime route answers 200 with a result or 202
 * with a job). Job-starting routes take POST with the inputs in the query and no body.
 */
export async function getJsonStatus<T>(path: string, query?: Query, signal?: AbortSignal, method: 'GET' | 'POST' = 'GET'): Promise<{ status: number; body: T }> {
  const url = withQuery(path, query);
  const res = await fetch(url, { method, headers: { accept: 'application/json' }, signal });
  if (!res.ok) throw await readError(res, url);
  return { status: res.status, body: (await res.json()) as T };
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.ok) throw await readError(res, path);
  return (await res.json()) as T;
}

/** POST a text body as it is (e.g. a YAML scenario file, `text/yaml`). */
export async function postText<T>(path: string, text: string, contentType: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': contentType, accept: 'application/json' }, body: text, signal });
  if (!res.ok) throw await readError(res, path);
  return (await res.json()) as T;
}

/** DELETE; the answer's body (if any) is returned parsed, or null for 204. */
export async function deleteRequest<T = unknown>(path: string): Promise<T | null> {
  const res = await fetch(path, { method: 'DELETE', headers: { accept: 'application/json' } });
  if (!res.ok) throw await readError(res, path);
  return res.status === 204 ? null : ((await res.json()) as T);
}

/** A human sentence for any failure of a call. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return `${err.serverMessage} (HTTP ${err.status})`;
  if (err instanceof Error) return err.message;
  return String(err);
}

// ---- Response shapes (snake_case, units in names, as documented in docs/api.md) ----

export interface ElementsInfo {
  /** Short description of where the elements came from. */
  source: string;
  epochUtc: string | null;
  /** True when the server uses its embedded 2022 sample instead of fetched data. */
  isSample: boolean;
}

export interface StateResponse {
  norad: number;
  name?: string;
  epoch_utc: string;
  lat_deg: number;
  lon_deg: number;
  alt_km: number;
  speed_km_s: number;
  ground_speed_km_s?: number;
  sunlit: boolean;
  tle_epoch_utc?: string;
  tle_age_days: number;
  /** "embedded sample" (fresh clone, nothing fetched) or "store". */
  elements_source: string;
  /** Server's caveat, e.g. that the sample's epoch is used instead of now. */
  note?: string;
}

/** Read where the elements come from; tolerant of an object-valued source. */
export function elementsInfo(state: StateResponse): ElementsInfo {
  const src = state.elements_source as unknown;
  let source = '';
  if (typeof src === 'string') source = src;
  else if (src && typeof src === 'object') {
    const o = src as Record<string, unknown>;
    source = String(o.description ?? o.source ?? o.kind ?? '');
  }
  let epochUtc: string | null = state.tle_epoch_utc ?? null;
  if (epochUtc === null && Number.isFinite(state.tle_age_days)) {
    epochUtc = new Date(Date.parse(state.epoch_utc) - state.tle_age_days * 86_400_000).toISOString();
  }
  return { source, epochUtc, isSample: /sample|embedded/i.test(source) };
}

/** GET /api/objects/:norad (only what the page uses). */
export interface ObjectResponse {
  norad: number;
  name?: string;
  latest?: { epoch_utc: string; mean_motion_rev_per_day: number; inclination_deg: number; eccentricity: number } | null;
}

export interface TrackPoint {
  /** Time of the point, ISO UTC (the API's `t_utc`). */
  epoch_utc: string;
  lat_deg: number;
  lon_deg: number;
  alt_km?: number;
  sunlit?: boolean;
}

/** Points of a /track answer (`{ points: [{ t_utc, lat_deg, lon_deg, ... }] }`). */
export function trackPoints(body: unknown): TrackPoint[] {
  const list = Array.isArray(body) ? body : body && typeof body === 'object' ? ((body as Record<string, unknown>).points ?? []) : [];
  const out: TrackPoint[] = [];
  for (const raw of list as Record<string, unknown>[]) {
    const t = raw.t_utc ?? raw.epoch_utc;
    const lat = raw.lat_deg;
    const lon = raw.lon_deg;
    if (typeof t !== 'string' || typeof lat !== 'number' || typeof lon !== 'number') continue;
    out.push({ epoch_utc: t, lat_deg: lat, lon_deg: lon, alt_km: raw.alt_km as number | undefined, sunlit: raw.sunlit as boolean | undefined });
  }
  return out;
}

/** A pass as GET /passes answers it: the wire object the server and the CLI build, with its sky path when asked (?sky_step_s=). */
export type PassJson = WirePassJson & { sky?: SkyPointJson[] };

export function passList(body: unknown): PassJson[] {
  if (Array.isArray(body)) return body as PassJson[];
  if (body && typeof body === 'object') {
    const p = (body as Record<string, unknown>).passes;
    if (Array.isArray(p)) return p as PassJson[];
  }
  return [];
}

export interface HistoryPoint {
  epoch_utc: string;
  mean_altitude_km: number;
  perigee_altitude_km?: number;
  apogee_altitude_km?: number;
}

export interface ManeuverJson {
  kind: string;
  window_start_utc: string;
  window_end_utc: string;
  delta_v_m_per_s: number;
  delta_a_km: number;
}

export interface HistoryResponse {
  norad?: number;
  altitude_reference?: string;
  points: HistoryPoint[];
  maneuvers?: ManeuverJson[];
  reboosts?: ManeuverJson[];
  decay_rate_m_per_day?: number | null;
}
