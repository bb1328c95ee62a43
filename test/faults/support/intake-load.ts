import { randomBytes } from 'node:crypto';

/**
 * Staff intake under load, as a call-centre client behaves when the server falls over: every ticket
 * has its own Idempotency-Key and is retried with that same key until a 2xx answers it.
 */
export interface IntakeOutcome {
  key: string;
  description: string;
  ticketId: number;
  /** Attempts that got no answer, a 5xx or a refused connection before the 2xx. */
  failedAttempts: number;
  replayed: boolean;
}

export interface IntakeLoad {
  /** Resolves once every ticket has been acknowledged. */
  done: Promise<IntakeOutcome[]>;
  acknowledged: () => number;
  /** Requests sent and not answered yet (what a kill cuts short). */
  inFlight: () => number;
  failures: () => string[];
}

export const repairCall = (description: string) => ({
  type: 'repair',
  accountNo: '9100000003',
  address: '城东区建设大道13号',
  contactName: '故障测试',
  contactPhone: '13900001111',
  description,
  channel: 'phone',
});

/** `base()` is read on every attempt: the test points it at the restarted server. */
export function startIntakeLoad(
  base: () => string,
  token: string,
  tickets: number,
  clients: number,
  marker: string,
): IntakeLoad {
  const outcomes: IntakeOutcome[] = [];
  const failures: string[] = [];
  let inFlight = 0;
  let next = 0;
  const one = async (n: number): Promise<IntakeOutcome> => {
    const key = `${marker}-${n}-${randomBytes(4).toString('hex')}`;
    const description = `${marker} #${n}`;
    for (let failedAttempts = 0; ; failedAttempts++) {
      if (failedAttempts > 600) throw new Error(`ticket ${n} never acknowledged: ${failures.slice(-3).join('; ')}`);
      inFlight++;
      try {
        const res = await fetch(`${base()}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
          body: JSON.stringify(repairCall(description)),
          signal: AbortSignal.timeout(10_000),
        });
        const body = await res.json().catch(() => null);
        if (res.status === 201)
          return {
            key,
            description,
            ticketId: body.id,
            failedAttempts,
            replayed: res.headers.get('idempotent-replayed') === 'true',
          };
        if (res.status < 500) throw new Error(`ticket ${n} refused: ${res.status} ${JSON.stringify(body)}`);
        failures.push(`${res.status} ${body?.code}`);
      } catch (error) {
        if ((error as Error).message.startsWith(`ticket ${n} refused`)) throw error;
        failures.push(String((error as Error).cause ?? error));
      } finally {
        inFlight--;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const client = async () => {
    while (next < tickets) outcomes.push(await one(next++));
  };
  const done = Promise.all(Array.from({ length: clients }, client)).then(() => outcomes);
  return { done, acknowledged: () => outcomes.length, inFlight: () => inFlight, failures: () => failures };
}

export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - start;
}
