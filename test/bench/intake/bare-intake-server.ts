import Fastify from 'fastify';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { createPool, ResultSetHeader } from 'mysql2/promise';
import { ClockKind, SlaPolicyRule, TicketStatus, TicketType, normalizePhone, ticketNumber } from '@utility/shared';
import { chinaWorkCalendar, clocksStoppedBy, computeDeadlines } from '@utility/shared/sla';

/**
 * The yardstick for intake: Fastify + mysql2 and nothing else, writing in one transaction the rows
 * intake must persist for an agent's phone call — the ticket (its phone encrypted and blind-indexed,
 * as at rest in the product), its first events (created, 受理, routed) and its SLA clocks (deadlines
 * computed from the policy, the respond clock met at once) — with no auth, validation, routing,
 * account or outage look-up. The ticket number is derived from the id and the Shanghai date as the
 * product's is (docs/domain.md#ticket-life), so it takes no statement. The product's requests/s as a
 * share of this one's is what the framework and the product's logic cost.
 * Run as its own process; prints `listening <port>` when ready. intake.bench.ts checks that its rows
 * are the product's.
 */
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const queueId = Number(env('BARE_QUEUE_ID'));
const queueName = env('BARE_QUEUE_NAME');
const districtId = Number(env('BARE_DISTRICT_ID'));
const stationId = Number(env('BARE_STATION_ID'));
const staff = { id: Number(env('BARE_STAFF_ID')), name: env('BARE_STAFF_NAME'), role: env('BARE_STAFF_ROLE') };
/** The SLA policy the product resolves for this call (type, utility, area class, district, channel). */
const policy = JSON.parse(env('BARE_SLA_POLICY')) as SlaPolicyRule;
const calendar = chinaWorkCalendar(
  new Map(Object.entries(JSON.parse(env('BARE_CALENDAR')) as Record<string, boolean>)),
);
const dataKey = Buffer.from(env('DATA_ENCRYPTION_KEY'), 'base64');
const blindKey = createHmac('sha256', dataKey).update('blind-index:v1').digest();

// The product's pool size (server/src/db/data-source-options.ts) and its session time zone.
const pool = createPool({
  uri: env('DATABASE_URL'),
  connectionLimit: 20,
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
});

/** AES-256-GCM as the product stores personal data (`v1:<iv>:<tag>:<ciphertext>`), IVs drawn 4,096 at a time. */
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function encrypt(plain: string): string {
  if (ivOffset + 12 > ivPool.length) [ivPool, ivOffset] = [randomBytes(12 * 4096), 0];
  const iv = ivPool.subarray(ivOffset, (ivOffset += 12));
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

const INSERT_TICKET =
  'INSERT INTO `ticket`(`type`, `status`, `priority`, `channel`, `externalRef`, `queueId`, `assigneeId`, `accountNo`, `districtId`, `stationId`, `address`, `contactName`, `contactPhone`, `contactPhoneIndex`, `description`, `windowStart`, `windowEnd`, `createdById`, `parentId`, `createdAt`, `updatedAt`) VALUES (?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, ?, ?)';
const INSERT_EVENTS =
  'INSERT INTO `ticket_event`(`ticketId`, `kind`, `at`, `actorId`, `actorName`, `actorRole`, `fromStatus`, `toStatus`, `note`, `data`) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?), (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL), (?, ?, ?, NULL, NULL, NULL, NULL, NULL, ?, ?)';
const INSERT_CLOCK = '(?, ?, ?, ?, ?, ?, NULL, NULL)';

interface Body {
  type: TicketType;
  accountNo: string;
  address: string;
  contactName: string;
  contactPhone: string;
  description: string;
  channel: string;
}

const app = Fastify({ logger: false });
app.post<{ Body: Body }>('/api/tickets', async (request, reply) => {
  const b = request.body;
  const now = new Date();
  const status = TicketStatus.Accepted; // an agent's phone call
  const met = clocksStoppedBy(status, b.type);
  const clocks = computeDeadlines(policy, now, calendar).map((d) => ({
    kind: d.kind as ClockKind,
    dueAt: d.dueAt,
    riskAt: new Date(now.getTime() + policy.atRiskRatio * (d.dueAt.getTime() - now.getTime())),
    stoppedAt: met.includes(d.kind) ? now : null,
  }));
  const phoneIndex = createHmac('sha256', blindKey).update(normalizePhone(b.contactPhone)).digest('base64url');
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [inserted] = await conn.execute<ResultSetHeader>(INSERT_TICKET, [
      b.type,
      status,
      'normal',
      b.channel,
      queueId,
      b.accountNo,
      districtId,
      stationId,
      b.address,
      b.contactName,
      encrypt(b.contactPhone),
      phoneIndex,
      b.description,
      staff.id,
      now,
      now,
    ]);
    const id = inserted.insertId;
    const actor = [staff.id, staff.name, staff.role];
    await conn.execute(INSERT_EVENTS, [
      ...[id, 'created', now, ...actor, TicketStatus.Submitted, JSON.stringify({ channel: b.channel })],
      ...[id, 'transition', now, ...actor, TicketStatus.Submitted, status],
      ...[id, 'routed', now, queueName, JSON.stringify({ queueId })],
    ]);
    await conn.execute(
      'INSERT INTO `ticket_clock`(`ticketId`, `kind`, `startedAt`, `dueAt`, `riskAt`, `stoppedAt`, `atRiskAt`, `breachedAt`) VALUES ' +
        clocks.map(() => INSERT_CLOCK).join(', '),
      clocks.flatMap((c) => [id, c.kind, now, c.dueAt, c.riskAt, c.stoppedAt]),
    );
    await conn.commit();
    return reply.status(201).send({ id, no: ticketNumber(now, id), status });
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
});

app.listen({ port: 0, host: '127.0.0.1' }).then((address) => {
  process.stdout.write(`listening ${new URL(address).port}\n`);
});
