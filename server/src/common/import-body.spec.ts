import { PassThrough, Readable } from 'node:stream';
import { AppError } from './app-error';
import { ImportBody } from './import-body';

/** A request stream that yields `chunks` one by one and counts what was taken from it. */
function source(chunks: Buffer[]): Readable & { pulled: () => number } {
  let pulled = 0;
  const stream = new Readable({
    read() {
      const next = chunks.shift();
      if (next) pulled += next.length;
      this.push(next ?? null);
    },
  });
  return Object.assign(stream, { pulled: () => pulled });
}

const kib = (n: number) => Buffer.alloc(n * 1024, 'a');

describe('ImportBody', () => {
  it('gives the whole body up to the limit, as text without a byte-order mark', async () => {
    const body = new ImportBody(
      'csv',
      source([Buffer.from('\uFEFFaccountNo,readOn\n'), Buffer.from('9100000001,2026-11-30\n')]),
      1024,
      null,
    );
    expect(await body.text()).toBe('accountNo,readOn\n9100000001,2026-11-30\n');
  });

  it('refuses a body declared larger than the limit before reading a byte', () => {
    const request = source([kib(8)]);
    const body = new ImportBody('xlsx', request, 4 * 1024, 8 * 1024);
    expect(() => body.stream()).toThrow(expect.objectContaining({ status: 413 }));
    expect(request.pulled()).toBe(0);
  });

  it('fails with 413 once more than the limit has arrived', async () => {
    const request = source([kib(3), kib(3), kib(3), kib(3)]);
    const body = new ImportBody('csv', request, 4 * 1024, null);
    const error = await body.buffer().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).getStatus()).toBe(413);
  });

  it('passes the stream on with back-pressure, for importers that parse as bytes arrive', async () => {
    const body = new ImportBody('csv', source([kib(64), kib(64)]), 1024 * 1024, 128 * 1024);
    const sink = new PassThrough();
    let total = 0;
    sink.on('data', (chunk: Buffer) => (total += chunk.length));
    await new Promise((resolve, reject) => body.stream().pipe(sink).on('finish', resolve).on('error', reject));
    expect(total).toBe(128 * 1024);
  });

  it('can be read only once', async () => {
    const body = new ImportBody('csv', source([Buffer.from('a')]), 1024, null);
    await body.text();
    expect(() => body.stream()).toThrow('only once');
  });
});
