import { Role } from '@utility/shared';

/** Who is calling, taken from a verified bearer token. */
export interface StaffPrincipal {
  kind: 'staff';
  id: number;
  name: string;
  /** The primary role (the first of `roles`): what a single-role check compares. */
  role: Role;
  /** Every role held, as the database has them now (set by StaffGuard). Test doubles may leave it out. */
  roles?: Role[];
  stationId: number | null;
  districtId: number | null;
}

/** A resident signed in through WeChat. */
export interface ResidentPrincipal {
  kind: 'resident';
  id: number;
  name: string;
  role: Role.Resident;
}

export type Principal = StaffPrincipal | ResidentPrincipal;

/** Who did something to a ticket, as the timeline records it. */
export type Actor = Pick<Principal, 'id' | 'name' | 'role'>;

/** Whether the caller holds `role`, as primary role or any other (a staff member may have several). */
export function hasRole(principal: Pick<StaffPrincipal, 'role' | 'roles'> | Actor, role: Role): boolean {
  return principal.role === role || ('roles' in principal && !!principal.roles?.includes(role));
}
