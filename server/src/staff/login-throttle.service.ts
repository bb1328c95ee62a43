import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@utility/shared';
import { LessThan, MoreThan, Repository } from 'typeorm';
import { RateLimitError } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffLoginFailure } from './login-failure.entity';

/** Issue 13: the 6th failure for one username within 15 minutes is refused (429 with Retry-After). */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USERNAME = 5;
/** One address (an office behind NAT has many staff) may fail this often in the window before it is refused. */
export const MAX_FAILURES_PER_ADDRESS = 30;

/** 429 with Retry-After, sent by the error filter like every rate limit. */
export class LoginThrottledError extends RateLimitError {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.LoginThrottled, retryAfterSeconds);
  }
}

/** An attempt in progress: counted as a failure unless `succeeded()` is called. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/**
 * Counts failed staff sign-ins per username and per address in the database, so that every server
 * process throttles the same attempts. An attempt is recorded before the password is checked (and
 * removed if it succeeds), so a burst of parallel guesses is capped too, and a refused one costs no hashing.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectRepository(StaffLoginFailure) private readonly failures: Repository<StaffLoginFailure>,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Records the attempt, or throws LoginThrottledError (recording nothing) when too many failed before. */
  async begin(username: string, address: string): Promise<LoginAttempt> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
    const key = { username: username.slice(0, 64), address: address.slice(0, 64) };
    const { identifiers } = await this.db.transaction((em) => em.insert(StaffLoginFailure, { ...key, at: now }));
    const id = identifiers[0].id as number;
    const [byUser, byAddress] = await Promise.all([
      this.failures.find({
        where: { username: key.username, at: MoreThan(since) },
        order: { at: 'DESC' },
        take: MAX_FAILURES_PER_USERNAME + 1,
      }),
      this.failures.find({
        where: { address: key.address, at: MoreThan(since) },
        order: { at: 'DESC' },
        take: MAX_FAILURES_PER_ADDRESS + 1,
      }),
    ]);
    const over = [
      { rows: byUser, max: MAX_FAILURES_PER_USERNAME },
      { rows: byAddress, max: MAX_FAILURES_PER_ADDRESS },
    ].filter(({ rows, max }) => rows.length > max);
    if (over.length) {
      await this.db.transaction((em) => em.delete(StaffLoginFailure, { id }));
      // Open again when the oldest of the failures that fill the allowance leaves the window.
      const reopensAt = Math.max(...over.map(({ rows, max }) => rows[max].at.getTime() + LOGIN_WINDOW_MS));
      throw new LoginThrottledError(Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)));
    }
    return {
      succeeded: async () => {
        // A success forgives this username's earlier failures, and this attempt was no failure.
        await this.db.transaction(async (em) => {
          await em.delete(StaffLoginFailure, { id });
          await em.delete(StaffLoginFailure, { username: key.username });
          await em.delete(StaffLoginFailure, { at: LessThan(since) });
        });
      },
    };
  }
}
