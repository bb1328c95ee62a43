import { Role } from '@utility/shared';

/** Who is calling, taken from a verified bearer token. */
export interface StaffPrincipal {
  kind: 'staff';
  id: number;
  name: string;
  role: Role;
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
