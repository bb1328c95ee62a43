import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { METER_SIGNATURE_HEADERS, verifyMeterSignature } from '../prepaid/meter-vendor-signature';

/**
 * A fake of an IoT meter vendor's platform on 127.0.0.1 (METER_VENDOR_MODE=mock), speaking the contract of
 * prepaid/meter-vendor.client.ts: `POST /v1/top-ups`, signed requests verified with the shared key, a
 * top-up applied to its meter once per requestId. Tests can make it fail the next N requests or go down.
 */
export interface AppliedTopUp {
  requestId: string;
  meterNo: string;
  accountNo: string;
  amountFen: number;
  vendorRef: string;
  at: string;
}

export interface FakeMeterVendor {
  url: string;
  close(): Promise<void>;
  /** Every request received, signed or not (method, path, answered status). */
  received: { path: string; status: number }[];
  /** Top-ups applied to meters, once each. */
  applied(): AppliedTopUp[];
  /** What a meter holds from the top-ups applied to it, fen. */
  meterBalance(meterNo: string): number;
  /** The next `n` top-up requests answer 503 (after verifying them, without applying). */
  failNext(n: number): void;
  /** Down: every connection is dropped unanswered, until up again. */
  setDown(down: boolean): void;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

export async function startFakeMeterVendor(key: string): Promise<FakeMeterVendor> {
  const received: FakeMeterVendor['received'] = [];
  const applied = new Map<string, AppliedTopUp>();
  let failures = 0;
  let down = false;

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = req.url ?? '/';
    const answer = (status: number, payload: unknown) => {
      received.push({ path, status });
      send(res, status, payload);
    };
    const header = (name: string) => String(req.headers[name] ?? '');
    const signed = verifyMeterSignature(
      key,
      {
        method: req.method ?? '',
        path,
        timestamp: header(METER_SIGNATURE_HEADERS.timestamp),
        nonce: header(METER_SIGNATURE_HEADERS.nonce),
        body,
      },
      header(METER_SIGNATURE_HEADERS.signature),
      Math.floor(Date.now() / 1000),
    );
    if (!signed) return answer(401, { message: 'signature invalid' });
    if (req.method !== 'POST' || path !== '/v1/top-ups') return answer(404, { message: 'no such API' });
    if (failures > 0) {
      failures--;
      return answer(503, { message: 'platform busy' });
    }
    let topUp: Partial<AppliedTopUp>;
    try {
      topUp = JSON.parse(body) as Partial<AppliedTopUp>;
    } catch {
      return answer(400, { message: 'body is not JSON' });
    }
    if (typeof topUp.requestId !== 'string' || !Number.isInteger(topUp.amountFen) || typeof topUp.meterNo !== 'string')
      return answer(400, { message: 'requestId, meterNo and amountFen required' });
    const earlier = applied.get(topUp.requestId);
    if (earlier) {
      if (earlier.amountFen !== topUp.amountFen || earlier.meterNo !== topUp.meterNo)
        return answer(409, { message: 'requestId used for another top-up' });
      return answer(200, { vendorRef: earlier.vendorRef, duplicate: true });
    }
    const record: AppliedTopUp = {
      requestId: topUp.requestId,
      meterNo: topUp.meterNo,
      accountNo: String(topUp.accountNo ?? ''),
      amountFen: topUp.amountFen!,
      vendorRef: `V${randomBytes(6).toString('hex').toUpperCase()}`,
      at: new Date().toISOString(),
    };
    applied.set(record.requestId, record);
    return answer(200, { vendorRef: record.vendorRef });
  };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handle(req, res, body));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    applied: () => [...applied.values()],
    meterBalance: (meterNo) =>
      [...applied.values()].filter((a) => a.meterNo === meterNo).reduce((n, a) => n + a.amountFen, 0),
    failNext: (n) => (failures = n),
    setDown: (value) => (down = value),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
