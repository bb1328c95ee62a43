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

export type Principal = StaffPrincipal;
