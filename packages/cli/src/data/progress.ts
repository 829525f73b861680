/**
 * Progress of `data fetch`: a cli-progress bar when stderr is a terminal, one plain line per
 * event otherwise (logs, CI, pipes).
 */
import cliProgress from 'cli-progress';

export interface FetchReporter {
  fileStart(path: string, url: string): void;
  /** Headers arrived; total size when known. */
  fileSize(totalBytes: number | undefined): void;
  fileProgress(receivedBytes: number): void;
  fileDone(path: string, bytes: number, sha256: string): void;
  fileFailed(path: string, message: string): void;
  /** The server said the copy held is current (HTTP 304). */
  fileUnchanged(path: string): void;
}

export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}

/**
 * One line per file fetched or found current through `writeLine` (no line per chunk). Failures
 * are left to the command, which says them once per dataset.
 */
export function plainReporter(writeLine: (line: string) => void): FetchReporter {
  return {
    fileStart: () => undefined,
    fileSize: () => undefined,
    fileProgress: () => undefined,
    fileDone: (path, bytes, sha256) => writeLine(`saved ${path}: ${formatBytes(bytes)}, sha256 ${sha256.slice(0, 16)}…`),
    fileFailed: () => undefined,
    fileUnchanged: (path) => writeLine(`unchanged ${path} (not modified since the last fetch)`),
  };
}

/** A progress bar per file on a terminal stream. */
export function barReporter(stream: NodeJS.WritableStream): FetchReporter {
  let bar: cliProgress.SingleBar | undefined;
  let file = '';
  let total: number | undefined;
  const stopBar = (): void => {
    bar?.stop();
    bar = undefined;
  };
  return {
    fileStart(path) {
      file = path;
    },
    fileSize(totalBytes) {
      total = totalBytes;
      bar = new cliProgress.SingleBar({
        stream,
        hideCursor: true,
        clearOnComplete: true,
        format: (_options, params) =>
          total !== undefined
            ? `${file} ${'█'.repeat(Math.round(params.progress * 30)).padEnd(30, '░')} ${Math.floor(params.progress * 100)}% ${formatBytes(params.value)} / ${formatBytes(total)}`
            : `${file} ${formatBytes(params.value)}`,
      });
      bar.start(totalBytes ?? 0, 0);
    },
    fileProgress(received) {
      bar?.update(received);
    },
    fileDone(path, bytes, sha256) {
      stopBar();
      stream.write(`saved ${path}: ${formatBytes(bytes)}, sha256 ${sha256.slice(0, 16)}…\n`);
    },
    fileFailed() {
      stopBar();
    },
    fileUnchanged(path) {
      stopBar();
      stream.write(`unchanged ${path} (not modified since the last fetch)\n`);
    },
  };
}

/** Bar on a TTY, plain lines otherwise. */
export function reporterFor(stream: NodeJS.WriteStream): FetchReporter {
  return stream.isTTY ? barReporter(stream) : plainReporter((line) => stream.write(`${line}\n`));
}
