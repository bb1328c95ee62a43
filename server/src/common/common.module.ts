import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { Clock } from './clock';
import { APP_CONFIG, AppConfig } from './config';
import { tokenSecret } from './data-key';
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
        // TOKEN_SECRET, or in development the one kept beside the SQLite file (data-key.ts).
        // A KeyObject, not a string: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verify, which cost more CPU per request than the rest of the guard.
        JwtModule.register({
          global: true,
          secret: createSecretKey(Buffer.from(tokenSecret(config))),
        }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock, Db, IdempotencyService],
      exports: [APP_CONFIG, Clock, Db, IdempotencyService],
    };
  }
}
