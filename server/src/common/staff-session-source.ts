import { Role } from '@utility/shared';

/** A staff member as StaffGuard checks a token against them (provided by the staff module). */
export interface StaffSessionState {
  id: number;
  name: string;
  role: Role;
  roles: Role[];
  stationId: number | null;
  districtId: number | null;
  active: boolean;
  tokenVersion: number;
  mustChangePassword: boolean;
}

/** Implemented by StaffSessions (staff module): common/ names the contract, staff/ owns the table. */
export abstract class StaffSessionSource {
  abstract get(staffId: number): Promise<StaffSessionState | null>;
}
