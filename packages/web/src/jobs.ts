/**
 * Following a server job from the page: a progress bar with its text and a Cancel button, fed by
 * the job's Server-Sent Events (docs/api.md "SSE": a `job` event, `progress` events, a final `job`
 * event, then the server closes the stream).
 */
import { ApiError, deleteRequest, describeError } from './api.js';
import { h } from './format.js';

/** The Job object of docs/api.md (the fields the page reads). */
export interface Job {
  id: string;
  type?: string;
  status: string;
  progress?: number;
  message?: string | null;
  result?: unknown;
  error?: string | null;
}

export type JobEnd = { status: 'succeeded'; job: Job } | { status: 'failed' | 'cancelled'; job: Job } | { status: 'lost'; reason: string };

/** Progress bar + text + Cancel, hidden while no job runs. */
export class JobProgress {
  readonly element: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly text: HTMLElement;
  private readonly cancelBtn: HTMLButtonElement;
  private source: EventSource | null = null;
  private cancelPath: string | null = null;
  private settle: ((end: JobEnd) => void) | null = null;

  constructor(label: string, testId: string) {
    this.bar = h('progress', { max: '1', value: '0', 'aria-label': label });
    this.text = h('span', { class: 'job-text', 'data-testid': `${testId}-text` });
    this.cancelBtn = h('button', { type: 'button', class: 'cancel', text: 'Cancel', 'data-testid': `${testId}-cancel` });
    this.element = h('div', { class: 'job-progress', role: 'status', hidden: true, 'data-testid': testId },
      this.bar, h('div', { class: 'job-line' }, this.text, this.cancelBtn));
    this.cancelBtn.addEventListener('click', () => void this.cancel());
  }

  get running(): boolean {
    return this.source !== null;
  }

  /** Show "waiting" before the job exists (e.g. while the POST is in flight). */
  pending(message: string): void {
    this.element.hidden = false;
    this.bar.removeAttribute('value'); // indeterminate
    this.text.textContent = message;
    this.cancelBtn.hidden = true;
  }

  hide(): void {
    this.element.hidden = true;
  }

  /**
   * Follow a job until it ends. `cancelPath` is what Cancel deletes (`/api/jobs/ID`, or the
   * scenario). Resolves with how it ended; never rejects.
   */
  follow(job: Job, eventsUrl = `/api/jobs/${encodeURIComponent(job.id)}/events`, cancelPath = `/api/jobs/${encodeURIComponent(job.id)}`): Promise<JobEnd> {
    this.stop();
    this.element.hidden = false;
    this.cancelBtn.hidden = false;
    this.cancelBtn.disabled = false;
    this.cancelPath = cancelPath;
    this.show(job.progress ?? 0, statusWords(job));
    return new Promise<JobEnd>((resolve) => {
      this.settle = resolve;
      const source = new EventSource(eventsUrl);
      this.source = source;
      source.addEventListener('progress', (ev) => {
        const p = JSON.parse((ev as MessageEvent).data) as { progress?: number; message?: string };
        this.show(p.progress ?? Number(this.bar.value), p.message ?? '');
      });
      source.addEventListener('job', (ev) => {
        const j = JSON.parse((ev as MessageEvent).data) as Job;
        this.show(j.progress ?? Number(this.bar.value), statusWords(j));
        if (j.status === 'succeeded') this.end({ status: 'succeeded', job: j });
        else if (j.status === 'failed' || j.status === 'cancelled') this.end({ status: j.status, job: j });
      });
      // The server closes the stream after the last `job` event; EventSource reports that as an
      // error and would reconnect. By then `end` has run and the source is gone.
      source.onerror = () => {
        if (this.source === source) this.end({ status: 'lost', reason: 'the progress stream from the server broke off' });
      };
    });
  }

  /** Cancel the followed job on the server; the stream then ends with `cancelled`. */
  async cancel(): Promise<void> {
    const path = this.cancelPath;
    if (!path || !this.source) return;
    this.cancelBtn.disabled = true;
    this.text.textContent = 'Cancelling…';
    try {
      await deleteRequest(path);
    } catch (err) {
      this.text.textContent = `Could not cancel: ${describeError(err)}`;
      this.cancelBtn.disabled = false;
      return;
    }
    // Deleting a scenario ends its job too, but its stream may end before saying so.
    if (this.source) this.end({ status: 'cancelled', job: { id: '', status: 'cancelled' } });
  }

  private show(progress: number, message: string): void {
    const p = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
    this.bar.value = p;
    this.bar.setAttribute('aria-valuetext', `${Math.round(p * 100)} %`);
    this.text.textContent = `${Math.round(p * 100)} %${message ? ` — ${message}` : ''}`;
  }

  private end(end: JobEnd): void {
    this.stop();
    this.element.hidden = true;
    const settle = this.settle;
    this.settle = null;
    settle?.(end);
  }

  private stop(): void {
    this.source?.close();
    this.source = null;
  }
}

function statusWords(j: Job): string {
  if (j.status === 'queued') return 'waiting for a worker';
  if (j.status === 'running') return j.message || 'running';
  return j.message || j.status;
}

/** A sentence for a job that did not succeed. */
export function jobEndWords(end: Exclude<JobEnd, { status: 'succeeded' }>): string {
  if (end.status === 'lost') return `Lost track of the job: ${end.reason}.`;
  if (end.status === 'cancelled') return 'Cancelled.';
  return `The job failed${end.job.error ? `: ${end.job.error}` : '.'}`;
}

/**
 * A 503's explanation: what is missing (the server's words, without its "run `…`" tail) and the
 * exact `stationkeeper data fetch --only …` command in a box that is easy to copy.
 */
export function missingDataNotice(err: ApiError, testId: string, lead: string, after: string): HTMLElement {
  const cmd = err.fetchCommand;
  const what = cmd ? err.serverMessage.replace(/\s*[—-]+\s*run\s*`[^`]*`\.?\s*$/, '') : err.serverMessage;
  return h('div', { class: 'placeholder missing-data', 'data-testid': testId },
    h('p', {}, h('strong', { text: `${lead} ` }), `${what}.`.replace(/\.\.$/, '.')),
    cmd ? h('p', {}, 'Fetch it on the server machine with', h('br'), commandCode(cmd), h('br'), after) : null,
  );
}

/** A shell command whose lines break only between words (never after the "-" of an option). */
function commandCode(cmd: string): HTMLElement {
  const words = cmd.split(' ');
  return h('code', { class: 'command', 'data-command': cmd }, ...words.flatMap((w, i) => [h('span', { class: 'word', text: w }), i < words.length - 1 ? ' ' : null]));
}
