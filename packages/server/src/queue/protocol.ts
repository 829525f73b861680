/**
 * What travels through Redis for a distributed screening. A run stores the catalogue once under
 * a content-hash key; each job is one shard (conjunction/shard.ts, plain JSON) plus the key.
 * Results are ShardResults, returned as the job's return value (JSON numbers round-trip exactly,
 * so the merged TCAs equal a local run's bit for bit).
 */
import { createHash } from 'node:crypto';
import { Epoch, isSgp4TleLines, type MeanElements, type ScreeningShard, type Sgp4Source } from '@stationkeeper/core';
import { QUEUE_KEY_PREFIX } from './redisUrl.js';

/** Bump when the job layout changes: workers refuse jobs of another version. */
export const SCREENING_JOB_VERSION = 1;
/** BullMQ job name of a screening shard. */
export const SCREENING_JOB_NAME = 'screen-shard';

export type WireSource = { readonly line1: string; readonly line2: string } | (Omit<MeanElements, 'epoch'> & { epoch: { taiMjdDay: number; taiSecondsOfDay: number } });

export interface ScreeningJobData {
  readonly v: number;
  /** Coordinator run this shard belongs to. */
  readonly run: string;
  /** Deterministic shard id (index + content hash). */
  readonly shardId: string;
  /** Redis key of the catalogue (JSON WireSource[]) and its SHA-256, so a worker can cache it. */
  readonly catalogueKey: string;
  readonly catalogueSha256: string;
  readonly shard: ScreeningShard;
}

export function toWireSource(s: Sgp4Source): WireSource {
  if (isSgp4TleLines(s)) return { line1: s.line1, line2: s.line2 };
  const el = s as MeanElements;
  return { ...el, epoch: { taiMjdDay: el.epoch.taiMjdDay, taiSecondsOfDay: el.epoch.taiSecondsOfDay } };
}

export function fromWireSource(w: WireSource): Sgp4Source {
  if ('line1' in w) return { line1: w.line1, line2: w.line2 };
  return { ...w, epoch: Epoch.fromTai(w.epoch.taiMjdDay, w.epoch.taiSecondsOfDay) };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Catalogue key: by content, and per run, so that one run's clean-up never pulls it from another. */
export function catalogueKey(queueName: string, run: string, sha256: string): string {
  return `${QUEUE_KEY_PREFIX}:${queueName}:catalogue:${sha256}:${run}`;
}

/** Shard ids: position and content, so the same request always gives the same ids. */
export function shardIds(shards: readonly ScreeningShard[]): string[] {
  const width = Math.max(4, String(shards.length - 1).length);
  return shards.map((s, k) => `s${String(k).padStart(width, '0')}-${sha256Hex(JSON.stringify(s)).slice(0, 12)}`);
}

/** BullMQ job id (custom ids may not contain ':'). */
export function jobId(run: string, shardId: string): string {
  return `${run}.${shardId}`;
}
