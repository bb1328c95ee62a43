/** Staff and resident roles (docs/domain.md#the-people). */
export enum Role {
  Resident = 'resident',
  Agent = 'agent',
  Dispatcher = 'dispatcher',
  Technician = 'technician',
  Inspector = 'inspector',
  Supervisor = 'supervisor',
  Admin = 'admin',
}

export const STAFF_ROLES = [
  Role.Agent,
  Role.Dispatcher,
  Role.Technician,
  Role.Inspector,
  Role.Supervisor,
  Role.Admin,
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Resident]: '居民用户',
  [Role.Agent]: '客服坐席',
  [Role.Dispatcher]: '调度员',
  [Role.Technician]: '维修工',
  [Role.Inspector]: '安检员',
  [Role.Supervisor]: '主管',
  [Role.Admin]: '管理员',
};

/** Roles that may push a ticket to a named staff member. */
export const ASSIGNING_ROLES: readonly Role[] = [Role.Dispatcher, Role.Supervisor, Role.Admin];

/** Roles that route work to others rather than do it (docs/domain.md#the-people). */
export const ROUTING_ONLY_ROLES: readonly Role[] = [Role.Dispatcher, Role.Admin];

/**
 * Whether a ticket may be pushed to someone holding these roles: a dispatcher or admin is not
 * offered (not even to themselves) unless they also hold a role that works tickets.
 */
export function canBeAssigned(roles: readonly Role[]): boolean {
  return roles.some((r) => r !== Role.Resident && !ROUTING_ONLY_ROLES.includes(r));
}
