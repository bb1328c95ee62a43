import { Role } from '@utility/shared';
import { StaffPrincipal } from './principal';

/*
 * What a staff member may do beyond the route's @Roles, in one place: the checks read the role only
 * through hasRole, so giving staff several roles changes this file alone.
 */

export function hasRole(staff: StaffPrincipal, ...roles: Role[]): boolean {
  return roles.includes(staff.role);
}

/** Meter readings feed bills: the field staff who read meters, and billing agents (docs/domain.md). */
export const mayRecordReadings = (staff: StaffPrincipal): boolean =>
  hasRole(staff, Role.Technician, Role.Inspector, Role.Agent);

/** A CSV covers many accounts at once: billing agents only. */
export const mayImportReadings = (staff: StaffPrincipal): boolean => hasRole(staff, Role.Agent);

/** Only a supervisor approves money going back (DOMAIN.md: graded authority); an admin stands in. */
export const mayApproveRefunds = (staff: StaffPrincipal): boolean => hasRole(staff, Role.Supervisor, Role.Admin);

/** Whether an account's district is within the staff member's own (admin, or staff of no district: company-wide). */
export const coversDistrict = (staff: StaffPrincipal, districtId: number): boolean =>
  hasRole(staff, Role.Admin) || staff.districtId === null || staff.districtId === districtId;
