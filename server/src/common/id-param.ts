import { HttpStatus, Param, PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@utility/shared';
import { AppError } from './app-error';

/** Route ids are positive integers; anything else is a 404, as an unknown id would be. */
class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) {
      throw new AppError(HttpStatus.NOT_FOUND, ErrorCode.NotFound);
    }
    return Number(value);
  }
}

export const IdParam = (name = 'id') => Param(name, new IdPipe());
