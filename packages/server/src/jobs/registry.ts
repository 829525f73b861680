/**
 * Job types: each names its parameter schema (TypeBox, checked before the job is accepted) and a
 * `run` that does the work, normally by handing a task module to the worker pool through
 * `ctx.runTask`. New kinds (re-entry Monte Carlo, lifetime, scenario runs) plug in by calling
 * `registry.register(...)`; the routes and the runner need no change.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { ElementStore } from '../store/elementStore.js';

/** Progress of the work, 0…1, with a short human message. */
export type ProgressFn = (fraction: number, message?: string) => void;

export interface TaskOptions {
  /**
   * Receive this task's progress instead of the job (a job that runs several tasks at once
   * combines them and calls `ctx.progress` itself).
   */
  onProgress?: ProgressFn;
}

export interface JobContext {
  readonly id: string;
  /** Aborted when the job is cancelled or the server shuts down. */
  readonly signal: AbortSignal;
  readonly progress: ProgressFn;
  /**
   * Run `exportName` of the module at `moduleUrl` (a file of this code base, never user input) in a
   * worker thread: `(input, report: ProgressFn) => result`. Progress is forwarded to the job;
   * the signal cancels it (the worker is terminated). Several tasks of one job may run at once,
   * on as many pool threads as are free.
   */
  runTask<T>(moduleUrl: string, exportName: string, input: unknown, options?: TaskOptions): Promise<T>;
  readonly elements: ElementStore;
  /** Threads of the worker pool (how many tasks can run at once). */
  readonly threads: number;
}

/** A problem with the parameters that the schema alone cannot see. */
export class JobParamsError extends Error {
  constructor(
    /** Path inside params, e.g. `hours`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface JobType<S extends TSchema = TSchema> {
  readonly type: string;
  readonly description: string;
  readonly params: S;
  /** Cross-field or store-dependent checks; throw JobParamsError. Runs before the job is accepted. */
  check?(params: Static<S>, elements: ElementStore): void;
  run(params: Static<S>, ctx: JobContext): Promise<unknown>;
}

export class JobRegistry {
  private readonly types = new Map<string, JobType>();

  register<S extends TSchema>(t: JobType<S>): this {
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(t.type)) throw new Error(`job type name must be kebab-case, got ${JSON.stringify(t.type)}`);
    if (this.types.has(t.type)) throw new Error(`job type ${t.type} registered twice`);
    this.types.set(t.type, t as unknown as JobType);
    return this;
  }

  get(type: string): JobType | undefined {
    return this.types.get(type);
  }

  list(): JobType[] {
    return [...this.types.values()];
  }
}
