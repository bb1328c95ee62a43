import {
  CanActivate,
  ExecutionContext,
  HttpStatus,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, Role } from '@utility/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';
import { StaffPrincipal } from './principal';
import { StaffSessionSource } from './staff-session-source';

const ROLES_KEY = 'roles';
const PASSWORD_CHANGE_PENDING_KEY = 'passwordChangePending';
/** Restrict an endpoint to staff holding ANY of these roles (admin always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Open to a staff member who must still change a one-time password (everything else answers 403). */
export const AllowPendingPasswordChange = () => SetMetadata(PASSWORD_CHANGE_PENDING_KEY, true);

/** The claims of a staff token (`ver`: the staff member's tokenVersion when it was issued). */
export interface StaffTokenClaims {
  sub: string;
  kind: 'staff';
  ver: number;
}

/** Verified tokens remembered at most (one per signed-in staff member in practice); beyond it, forgotten all at once. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** `staffId`: who the token says is calling, set even when the role check then refuses (the access log's). */
type AuthedRequest = FastifyRequest & { principal?: StaffPrincipal; staffId?: number };

const unauthenticated = () => new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);

/**
 * Bearer token → StaffPrincipal; no token or a bad one is 401. The token names the person and its
 * version; who they are now (roles, district, disabled, revoked) is read through StaffSessionSource,
 * at most a second old, so that a disable or a password change ends every session (issue 13).
 */
@Injectable()
export class StaffGuard implements CanActivate {
  private sessionSource?: StaffSessionSource;
  private readonly verifiedTokens = new Map<string, { claims: Partial<StaffTokenClaims>; expiresAt: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated();
    const claims = await this.verified(token);
    if (claims.kind !== 'staff' || !/^\d+$/.test(claims.sub ?? '')) throw unauthenticated();
    const session = await this.sessions().get(Number(claims.sub));
    // Tokens issued before versions existed carry none: version 0, as every account started.
    if (!session || !session.active || session.tokenVersion !== (claims.ver ?? 0)) throw unauthenticated();
    const target = [context.getHandler(), context.getClass()];
    if (session.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_PENDING_KEY, target)) {
      throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.PasswordChangeRequired);
    }
    const principal: StaffPrincipal = {
      kind: 'staff',
      id: session.id,
      name: session.name,
      role: session.role,
      roles: session.roles,
      stationId: session.stationId,
      districtId: session.districtId,
    };
    request.staffId = principal.id;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, target);
    if (roles && !principal.roles!.includes(Role.Admin) && !roles.some((r) => principal.roles!.includes(r))) {
      throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.Forbidden);
    }
    request.principal = principal;
    return true;
  }

  /**
   * The token's claims once its signature and expiry are checked. A staff member sends the same token
   * with every request: a signature verified once is remembered until the token expires (who the
   * person is now is still read per request, through StaffSessionSource).
   */
  private async verified(token: string): Promise<Partial<StaffTokenClaims>> {
    const known = this.verifiedTokens.get(token);
    if (known && known.expiresAt > Date.now()) return known.claims;
    let claims: Partial<StaffTokenClaims> & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch {
      this.verifiedTokens.delete(token);
      throw unauthenticated();
    }
    if (typeof claims.exp === 'number') {
      if (this.verifiedTokens.size >= VERIFIED_TOKENS_KEPT) this.verifiedTokens.clear();
      this.verifiedTokens.set(token, { claims, expiresAt: claims.exp * 1000 });
    }
    return claims;
  }

  private sessions(): StaffSessionSource {
    return (this.sessionSource ??= this.moduleRef.get(StaffSessionSource, { strict: false }));
  }
}

export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffPrincipal => {
  const principal = context.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw unauthenticated();
  return principal;
});
