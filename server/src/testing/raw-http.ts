import { request } from 'node:http';

export interface EarlyAnswer {
  status: number;
  body: unknown;
  /** Body bytes the client had sent when the answer came. */
  sent: number;
}

/**
 * POSTs headers announcing a `declaredBytes` body but sends only its first 64 KiB, then waits. A server that
 * answers has done so without reading the body; one that waited for it would never answer (rejected after 10 s).
 */
export function answerBeforeBody(
  url: string,
  path: string,
  headers: Record<string, string>,
  declaredBytes: number,
): Promise<EarlyAnswer> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const req = request(url + path, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(declaredBytes) },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer to POST ${path} while its body was held back`));
    }, 10_000);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, sent: chunk.length });
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.write(chunk);
  });
}

/**
 * POSTs a whole `bytes`-byte body (one 1 MiB buffer written again and again, so the client holds next to
 * nothing) and resolves with the status. The server may answer and close before the end: writes then stop.
 */
export function postFullBody(
  url: string,
  path: string,
  headers: Record<string, string>,
  bytes: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let status = 0;
    let left = bytes;
    let done = false;
    const req = request(url + path, { method: 'POST', headers: { ...headers, 'content-length': String(bytes) } });
    const finish = () => {
      if (done) return;
      done = true;
      resolve(status);
    };
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => {
        req.destroy();
        finish();
      });
    });
    // A server that answered early may reset the connection while we still write: the status counts.
    req.on('error', (error) => (status ? finish() : reject(error)));
    const pump = () => {
      while (left > 0 && !done) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (left === 0) req.end();
    };
    pump();
  });
}
