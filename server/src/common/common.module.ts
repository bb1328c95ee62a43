import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey, randomBytes } from 'node:crypto';
import { Clock } from './clock';
import { APP_CONFIG, AppConfig } from './config';
import { Db } from './db';
import { IdempotencyService } from './idempotency/idempotency.service';

/** Cross-cutting services every domain module may use. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(config: AppConfig) {
    return {
      module: CommonModule,
      imports: [
        // Without TOKEN_SECRET a per-process secret is used: fine for one process, logins end at restart.
        // A KeyObject, not a string: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verify, which cost more CPU per request than the rest of the guard.
        JwtModule.register({
          global: true,
          secret: createSecretKey(Buffer.from(config.TOKEN_SECRET ?? randomBytes(32).toString('hex'))),
        }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock, Db, IdempotencyService],
      exports: [APP_CONFIG, Clock, Db, IdempotencyService],
    };
  }
}
