/**
 * Untrusted YAML bodies are parsed in a short-lived worker thread with a deadline and a memory
 * cap, after a linear pre-check of size and nesting (core's scenario text budget). The YAML
 * library is superlinear on some shapes (64 kB of `[,,,` took 4 s), so parsing on the event loop
 * would let one request stall every other.
 */
import { Worker } from 'node:worker_threads';
import { scenarioTextBudgetProblem, yamlErrorIssue, SCENARIO_YAML_OPTIONS, type SchemaIssue } from '@stationkeeper/core';
import { HttpError } from '../httpError.js';

const WORKER = new URL('./yamlWorker.mjs', import.meta.url);
/** Wall-clock budget of one parse (a 2 kB scenario parses in about 1 ms). */
export const YAML_PARSE_DEADLINE_MS = 2000;
/** Parses at once; more get a 429 instead of more threads. */
const MAX_CONCURRENT = 2;
let running = 0;

type WorkerAnswer = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string; linePos?: { line: number; col: number }[] } };

function issueError(field: string, issue: SchemaIssue): HttpError {
  const at = issue.path === '(top level)' ? '' : ` ${issue.path}:`;
  return new HttpError(400, `${field}:${at} ${issue.message}`, field);
}

/** Parse `text` as YAML off the event loop; 400 naming `field` (and line/column) when it cannot be read. */
export async function parseYamlOffLoop(text: string, field = 'body'): Promise<unknown> {
  const over = scenarioTextBudgetProblem(text);
  if (over) throw issueError(field, over);
  if (running >= MAX_CONCURRENT) throw new HttpError(429, `${field}: ${running} YAML bodies are being read; retry in a moment`, field);
  running++;
  try {
    const answer = await runWorker(text);
    if (!answer.ok) throw issueError(field, yamlErrorIssue(answer.error));
    return answer.value;
  } finally {
    running--;
  }
}

function runWorker(text: string): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { text, options: SCENARIO_YAML_OPTIONS }, resourceLimits: { maxOldGenerationSizeMb: 64, stackSizeMb: 4 } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new HttpError(400, `body: the YAML takes more than ${YAML_PARSE_DEADLINE_MS / 1000} s to read; simplify it`, 'body'));
    }, YAML_PARSE_DEADLINE_MS);
    worker.once('message', (m: WorkerAnswer) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, error: { name: 'Error', message: e instanceof Error ? e.message : String(e) } });
    });
  });
}
