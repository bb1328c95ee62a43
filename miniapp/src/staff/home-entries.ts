import { Role } from '@utility/shared';

/** Who answers the 24-hour line and may open a ticket for a caller. */
export const INTAKE_ROLES: readonly Role[] = [Role.Agent, Role.Supervisor, Role.Admin];
/** Who calls residents back (回访): the agents, and the supervisors who stand in for them. */
export const VISIT_ROLES: readonly Role[] = [Role.Agent, Role.Supervisor];
/** Who opens inspection plans for a district. */
export const PLAN_ROLES: readonly Role[] = [Role.Supervisor, Role.Admin];
/** Who reads the dashboard and the monthly report. */
export const OVERSIGHT_ROLES: readonly Role[] = [Role.Supervisor, Role.Admin];
/** Who keeps the knowledge base (the server's rule: supervisors and admins; agents read it from intake). */
export const KNOWLEDGE_EDITOR_ROLES: readonly Role[] = [Role.Supervisor, Role.Admin];
/** Who answers questions and suggestions (咨询、建议). */
export const ANSWER_ROLES: readonly Role[] = [Role.Agent, Role.Supervisor, Role.Admin];
/** Who declares and restores outages (the server's rule: dispatch, supervisors, admins). */
export const OUTAGE_ROLES: readonly Role[] = [Role.Dispatcher, Role.Supervisor, Role.Admin];
