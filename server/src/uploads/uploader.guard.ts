import { CanActivate, ExecutionContext, HttpStatus, Injectable, createParamDecorator } from '@nestjs/common';
import { ErrorCode } from '@utility/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { StaffGuard } from '../common/auth.guard';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { ResidentGuard } from '../residents/resident.guard';
import type { UploadOwner } from './uploads.service';

/** Where StaffGuard and ResidentGuard leave the caller they verified. */
type AuthedRequest = FastifyRequest & { principal?: StaffPrincipal; resident?: ResidentPrincipal };

/**
 * Residents and staff both upload photos: a staff token passes as StaffGuard checks it,
 * anything else must pass as a resident's (ResidentGuard), or the request is 401.
 */
@Injectable()
export class UploaderGuard implements CanActivate {
  constructor(
    private readonly staff: StaffGuard,
    private readonly residents: ResidentGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isStaff = await this.staff.canActivate(context).catch(() => false);
    return isStaff || this.residents.canActivate(context);
  }
}

/** The resident or staff member UploaderGuard let through, as the owner of what they upload. */
export const CurrentUploader = createParamDecorator((_data: unknown, context: ExecutionContext): UploadOwner => {
  const request = context.switchToHttp().getRequest<AuthedRequest>();
  if (request.principal) return { kind: 'staff', id: request.principal.id };
  if (request.resident) return { kind: 'resident', id: request.resident.id };
  throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);
});

/** The staff member or resident UploaderGuard let through, as a principal (photo reads check their scope). */
export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffPrincipal | ResidentPrincipal => {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const viewer = request.principal ?? request.resident;
    if (!viewer) throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);
    return viewer;
  },
);
