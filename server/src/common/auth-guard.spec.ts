import { ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, Role } from '@utility/shared';
import { StaffGuard } from './auth.guard';
import { StaffSessionSource, StaffSessionState } from './staff-session-source';

/** StaffGuard remembers a verified signature, never past the token's expiry. */
describe('StaffGuard', () => {
  const jwt = new JwtService({ secret: 'guard-spec-secret'.padEnd(40, 'x') });
  const session: StaffSessionState = {
    id: 7,
    name: '坐席',
    role: Role.Agent,
    roles: [Role.Agent],
    stationId: null,
    districtId: null,
    active: true,
    tokenVersion: 0,
    mustChangePassword: false,
  };
  const sessions: StaffSessionSource = { get: async () => session };
  const guard = new StaffGuard(jwt, new Reflector(), { get: () => sessions } as unknown as ModuleRef);
  const context = (token: string) =>
    ({
      switchToHttp: () => ({ getRequest: () => ({ headers: { authorization: `Bearer ${token}` } }) }),
      getHandler: () => () => undefined,
      getClass: () => class {},
    }) as unknown as ExecutionContext;

  afterEach(() => jest.restoreAllMocks());

  it('accepts the same token again, and refuses it once it has expired', async () => {
    const token = await jwt.signAsync({ sub: '7', kind: 'staff', ver: 0 }, { expiresIn: 60 });
    expect(await guard.canActivate(context(token))).toBe(true);
    expect(await guard.canActivate(context(token))).toBe(true);
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    await expect(guard.canActivate(context(token))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
  });

  it('refuses a token whose signature does not verify, even after the genuine one was accepted', async () => {
    const token = await jwt.signAsync({ sub: '7', kind: 'staff', ver: 0 }, { expiresIn: 60 });
    expect(await guard.canActivate(context(token))).toBe(true);
    const [head, body, signature] = token.split('.');
    const forged = [head, body, signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA')].join('.');
    await expect(guard.canActivate(context(forged))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
  });
});
