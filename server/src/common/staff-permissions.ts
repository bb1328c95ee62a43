import { Role } from '@utility/shared';
import { StaffPrincipal, hasRole } from './principal';

/*
 * What a staff member may do beyond the route's @Roles, in one place: the checks read the role only
 * through hasAnyRole, which asks principal.ts's hasRole (staff hold several roles).
 */

/** Holds any of `roles` (staff may hold several: principal.ts's hasRole). */
export function hasAnyRole(staff: StaffPrincipal, ...roles: Role[]): boolean {
  return roles.some((role) => hasRole(staff, role));
}

/** Meter readings feed bills: the field staff who read meters, and billing agents (docs/domain.md). */
export const mayRecordReadings = (staff: StaffPrincipal): boolean =>
  hasAnyRole(staff, Role.Technician, Role.Inspector, Role.Agent);

/** A CSV covers many accounts at once: billing agents only. */
export const mayImportReadings = (staff: StaffPrincipal): boolean => hasAnyRole(staff, Role.Agent);

/** Only a supervisor approves money going back (docs/domain.md#priorities-and-grades); an admin stands in. */
export const mayApproveRefunds = (staff: StaffPrincipal): boolean => hasAnyRole(staff, Role.Supervisor, Role.Admin);

/** Whether an account's district is within the staff member's own (admin, or staff of no district: company-wide). */
export const coversDistrict = (staff: StaffPrincipal, districtId: number): boolean =>
  hasAnyRole(staff, Role.Admin) || staff.districtId === null || staff.districtId === districtId;
