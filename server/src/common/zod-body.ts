import { ArgumentMetadata, Body, HttpStatus, PipeTransform, applyDecorators } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { ErrorCode } from '@utility/shared';
import { z } from 'zod';
import { AppError } from './app-error';

// The first issue becomes the `message` the miniapp shows: zod's own wording (for rules the
// schema gives no message of its own, e.g. a missing field) must be Chinese too, not English.
z.config(z.locales.zhCN());

/**
 * Validates with the schema in `shared/` that the miniapp also uses, so client and server
 * agree on every rule. (nestjs-zod 5.5 declares Nest ≤ 11 only, hence this small pipe.)
 */
export class ZodPipe<T extends z.ZodType> implements PipeTransform {
  constructor(private readonly schema: T) {}

  transform(value: unknown, _meta: ArgumentMetadata): z.infer<T> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, details[0]?.message, details);
  }
}

/** `@ZodBody(schema)`: parse the body with `schema` and document it in OpenAPI. */
export const ZodBody = (schema: z.ZodType) => Body(new ZodPipe(schema));

export const ApiZodBody = (schema: z.ZodType) =>
  applyDecorators(ApiBody({ schema: z.toJSONSchema(schema, { io: 'input' }) as object }));
