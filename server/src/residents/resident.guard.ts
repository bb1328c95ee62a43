import { CanActivate, ExecutionContext, HttpStatus, Injectable, createParamDecorator } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, Role } from '@utility/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { ResidentPrincipal } from '../common/principal';
import { ResidentsService } from './residents.service';

type AuthedRequest = FastifyRequest & { resident?: ResidentPrincipal };
const unauthenticated = () => new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);

/** Resident bearer token → ResidentPrincipal; a deleted identity's tokens stop working at once. */
@Injectable()
export class ResidentGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly residents: ResidentsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated();
    const claims = await this.jwt.verifyAsync<{ sub: string; kind: string }>(token).catch(() => null);
    if (claims?.kind !== 'resident') throw unauthenticated();
    const resident = await this.residents.findActive(Number(claims.sub));
    if (!resident) throw unauthenticated();
    request.resident = { kind: 'resident', id: resident.id, name: '居民', role: Role.Resident };
    return true;
  }
}

export const CurrentResident = createParamDecorator((_data: unknown, context: ExecutionContext): ResidentPrincipal => {
  const resident = context.switchToHttp().getRequest<AuthedRequest>().resident;
  if (!resident) throw unauthenticated();
  return resident;
});
