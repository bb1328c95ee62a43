import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';

/** The current time, injectable so tests can move it. */
@Injectable()
export class Clock {
  private readonly asOf = new AsyncLocalStorage<Date>();

  now(): Date {
    const at = this.asOf.getStore();
    return at ? new Date(at) : new Date();
  }

  /**
   * Runs `work` with the clock reading `at` for it alone (what it awaits included): the demo
   * history is written through the services at past times while requests and jobs keep real time.
   */
  runAt<T>(at: Date, work: () => Promise<T>): Promise<T> {
    return this.asOf.run(at, work);
  }
}
