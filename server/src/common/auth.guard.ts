import {
  CanActivate,
  ExecutionContext,
  HttpStatus,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, Role } from '@utility/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';
import { StaffPrincipal } from './principal';

const ROLES_KEY = 'roles';
/** Restrict an endpoint to these staff roles (admin always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** `staffId`: who the token says is calling, set even when the role check then refuses (the access log's). */
type AuthedRequest = FastifyRequest & { principal?: StaffPrincipal; staffId?: number };

const unauthenticated = () => new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);

/** Bearer token → StaffPrincipal; no token or a bad one is 401. */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated();
    let claims: Omit<StaffPrincipal, 'id'> & { sub: string };
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch {
      throw unauthenticated();
    }
    if (claims.kind !== 'staff') throw unauthenticated();
    const principal: StaffPrincipal = {
      kind: 'staff',
      id: Number(claims.sub),
      name: claims.name,
      role: claims.role,
      stationId: claims.stationId,
      districtId: claims.districtId,
    };
    request.staffId = principal.id;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && principal.role !== Role.Admin && !roles.includes(principal.role)) {
      throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.Forbidden);
    }
    request.principal = principal;
    return true;
  }
}

export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffPrincipal => {
  const principal = context.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw unauthenticated();
  return principal;
});
