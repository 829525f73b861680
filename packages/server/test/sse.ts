/** Read a Server-Sent Events stream over real HTTP (tests). */
import { request } from 'node:http';

export interface SseEvent {
  event: string;
  data: any;
}

/** Collect the events until the server closes the stream; `onEvent` sees each as it comes. */
export function readSse(url: string, onEvent: (e: SseEvent, all: SseEvent[]) => void = () => {}): Promise<SseEvent[]> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const req = request(url, { headers: { accept: 'text/event-stream' } }, (res) => {
      const type = res.headers['content-type'] ?? '';
      if (!/text\/event-stream/.test(type)) {
        res.resume();
        reject(new Error(`${url}: content-type ${JSON.stringify(type)}, not text/event-stream`));
        return;
      }
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (ev && data) {
            const e = { event: ev, data: JSON.parse(data) };
            events.push(e);
            onEvent(e, events);
          }
        }
      });
      res.on('end', () => resolve(events));
    });
    req.on('error', reject);
    req.end();
  });
}
