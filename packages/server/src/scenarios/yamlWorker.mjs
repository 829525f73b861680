// Plain-JS worker thread that parses one untrusted YAML text, so a slow or hostile body costs this
// thread (killed on a deadline) and never the event loop. Only the `yaml` package is needed here.
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'yaml';

try {
  parentPort.postMessage({ ok: true, value: parse(workerData.text, workerData.options) });
} catch (e) {
  const err = e ?? {};
  parentPort.postMessage({ ok: false, error: { name: String(err.name ?? 'Error'), message: String(err.message ?? err), linePos: err.linePos } });
}
