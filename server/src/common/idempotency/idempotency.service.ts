import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode } from '@utility/shared';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppError } from '../app-error';
import { Clock } from '../clock';
import { Db, isDuplicateKey } from '../db';
import { IdempotencyRecord } from './idempotency-record.entity';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

export interface Created {
  resourceId: number;
  /** True when this answers a retry of a request that was already done. */
  replayed: boolean;
}

const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );

/**
 * `Idempotency-Key` for create endpoints. The record is written in the same transaction as
 * the resource, so a crash leaves either both or neither, and a racing retry waits on the
 * unique key and then replays.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async create(
    scope: string,
    key: string | undefined,
    resourceType: string,
    body: unknown,
    work: (em: EntityManager) => Promise<number>,
  ): Promise<Created> {
    if (key === undefined) return { resourceId: await this.db.transaction(work), replayed: false };
    if (!KEY_PATTERN.test(key)) {
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        ErrorCode.ValidationFailed,
        'Idempotency-Key 格式无效（8–100位字母、数字或 -_.:）',
      );
    }
    const requestHash = createHash('sha256')
      .update(`${resourceType}\n${stableJson(body)}`)
      .digest('hex');
    const earlier = await this.replay(scope, key, requestHash);
    if (earlier) return earlier;
    try {
      const resourceId = await this.db.transaction(async (em) => {
        const { identifiers } = await em.insert(IdempotencyRecord, {
          scope,
          key,
          requestHash,
          resourceType,
          resourceId: null,
          createdAt: this.clock.now(),
        });
        const id = await work(em);
        await em.update(IdempotencyRecord, { id: identifiers[0].id }, { resourceId: id });
        return id;
      });
      return { resourceId, replayed: false };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const raced = await this.replay(scope, key, requestHash);
      if (!raced) throw error;
      return raced;
    }
  }

  private async replay(scope: string, key: string, requestHash: string): Promise<Created | null> {
    const record = await this.db.dataSource.manager.findOneBy(IdempotencyRecord, { scope, key });
    if (!record) return null;
    if (record.requestHash !== requestHash) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.IdempotencyKeyReused);
    }
    return { resourceId: record.resourceId!, replayed: true };
  }
}
