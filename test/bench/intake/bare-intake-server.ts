import Fastify from 'fastify';
import { createPool } from 'mysql2/promise';

/**
 * The yardstick for intake: Fastify + mysql2 and nothing else, writing what intake writes in one
 * transaction — the ticket row, its number, and its first event — with no auth, validation,
 * routing or clocks. The product's requests/s as a share of this one's is what the framework
 * and the product's logic cost. Run as its own process; prints `listening <port>` when ready.
 */
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const queueId = Number(env('BARE_QUEUE_ID'));
const districtId = Number(env('BARE_DISTRICT_ID'));
const stationId = Number(env('BARE_STATION_ID'));
const staffId = Number(env('BARE_STAFF_ID'));
// The product's pool size (server/src/db/data-source-options.ts) and its session time zone.
const pool = createPool({
  uri: env('DATABASE_URL'),
  connectionLimit: 20,
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
});

interface Body {
  type: string;
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
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [inserted] = await conn.execute<import('mysql2').ResultSetHeader>(
      'INSERT INTO `ticket`(`type`, `status`, `priority`, `channel`, `queueId`, `assigneeId`, `accountNo`, `districtId`, `stationId`, `address`, `contactName`, `contactPhone`, `description`, `createdById`, `createdAt`, `updatedAt`) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        b.type,
        'accepted',
        'normal',
        b.channel,
        queueId,
        b.accountNo,
        districtId,
        stationId,
        b.address,
        b.contactName,
        b.contactPhone,
        b.description,
        staffId,
        now,
        now,
      ],
    );
    const id = inserted.insertId;
    const no = now.toISOString().slice(0, 10).replaceAll('-', '') + String(id).padStart(6, '0');
    await conn.execute('UPDATE `ticket` SET `no` = ? WHERE `id` = ?', [no, id]);
    await conn.execute(
      'INSERT INTO `ticket_event`(`ticketId`, `kind`, `at`, `actorId`, `actorName`, `actorRole`, `fromStatus`, `toStatus`, `note`, `data`) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?)',
      [id, 'created', now, staffId, 'bench', 'agent', 'submitted', JSON.stringify({ channel: b.channel })],
    );
    await conn.commit();
    return reply.status(201).send({ id, no, status: 'accepted' });
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
