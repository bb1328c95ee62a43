import { Role, type StaffView } from '@utility/shared';
import { staffHasRole } from '../services/session';

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
/** Who declares major incidents and groups their calls (the server's rule: agents, dispatch, supervisors, admins). */
export const INCIDENT_ROLES: readonly Role[] = [Role.Agent, Role.Dispatcher, Role.Supervisor, Role.Admin];
/** Who searches a caller's history (客户查询; the server's rule: agents, dispatch, supervisors, admins). */
export const SEARCH_ROLES: readonly Role[] = [Role.Agent, Role.Dispatcher, Role.Supervisor, Role.Admin];

/** One button on the staff home: where it leads and who sees it (the server checks the same roles). */
export interface StaffHomeEntry {
  id: string;
  label: string;
  url: string;
  /** The day's main work (受理, 我的工单, 今日安检) stands out; the rest are secondary. */
  primary?: boolean;
  shownTo: (staff: StaffView) => boolean;
}

const byRole = (roles: readonly Role[]) => (staff: StaffView) => roles.includes(staff.role);
const holding =
  (...roles: Role[]) =>
  (staff: StaffView) =>
    roles.some((role) => staffHasRole(staff, role));

/** The staff home's entries, in the order shown. */
export const STAFF_HOME_ENTRIES: readonly StaffHomeEntry[] = [
  { id: 'intake-entry', label: '电话受理', url: '/staff/intake/index', primary: true, shownTo: byRole(INTAKE_ROLES) },
  { id: 'customers-entry', label: '客户查询', url: '/staff/customers/index', shownTo: byRole(SEARCH_ROLES) },
  { id: 'counter-entry', label: '柜台收费', url: '/staff/counter/index', shownTo: holding(Role.Agent) },
  { id: 'bank-debit-entry', label: '银行代扣导入', url: '/staff/bank-debit/index', shownTo: holding(Role.Agent) },
  { id: 'late-fees-entry', label: '滞纳金减免', url: '/staff/late-fees/index', shownTo: holding(Role.Supervisor) },
  {
    id: 'invoices-entry',
    label: '发票管理',
    url: '/staff/invoices/index',
    shownTo: holding(Role.Agent, Role.Supervisor),
  },
  { id: 'field-jobs', label: '我的工单', url: '/staff/jobs/index', primary: true, shownTo: byRole([Role.Technician]) },
  { id: 'return-visits', label: '回访任务', url: '/staff/visits/index', shownTo: byRole(VISIT_ROLES) },
  { id: 'my-ratings', label: '我的评价', url: '/staff/ratings/index', shownTo: (s) => s.role !== Role.Admin },
  {
    id: 'field-inspections',
    label: '今日安检',
    url: '/staff/inspections/index',
    primary: true,
    shownTo: byRole([Role.Inspector]),
  },
  {
    id: 'inspection-plan-entry',
    label: '新建安检计划',
    url: '/staff/inspection-plan/index',
    shownTo: byRole(PLAN_ROLES),
  },
  { id: 'outages-entry', label: '停供管理', url: '/staff/outages/index', shownTo: byRole(OUTAGE_ROLES) },
  { id: 'incidents-entry', label: '重大事件', url: '/staff/incidents/index', shownTo: byRole(INCIDENT_ROLES) },
  {
    id: 'knowledge-entry',
    label: '知识库管理',
    url: '/staff/knowledge/index',
    shownTo: byRole(KNOWLEDGE_EDITOR_ROLES),
  },
  { id: 'dashboard-entry', label: '运营看板与月报', url: '/staff-dashboard/index', shownTo: byRole(OVERSIGHT_ROLES) },
  { id: 'admin-staff-entry', label: '员工账号管理', url: '/admin/staff/index', shownTo: holding(Role.Admin) },
  { id: 'org-admin-entry', label: '组织与配置', url: '/admin/org/index', shownTo: holding(Role.Admin) },
  { id: 'accounts-admin-entry', label: '客户档案', url: '/admin/accounts/index', shownTo: holding(Role.Admin) },
  { id: 'audit-admin-entry', label: '变更记录', url: '/admin/audit/index', shownTo: holding(Role.Admin) },
  { id: 'change-password-entry', label: '修改密码', url: '/staff/password/index', shownTo: () => true },
];
