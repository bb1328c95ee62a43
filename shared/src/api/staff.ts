import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../org/password-rules';
import { Role, STAFF_ROLES } from '../org/roles';

export const StaffLoginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});
export type StaffLoginRequest = z.infer<typeof StaffLoginSchema>;

export interface StaffView {
  id: number;
  name: string;
  username: string;
  /** The primary role (the first of `roles`). */
  role: Role;
  /** Every role held; an endpoint open to any of them is open to this person. Always sent by the server. */
  roles?: Role[];
  stationId: number | null;
  districtId: number | null;
}

export interface StaffLoginResponse {
  token: string;
  /** ISO time the token stops working. */
  expiresAt: string;
  /** First sign-in or after a reset: every call but `POST /api/staff/me/password` answers 403 PASSWORD_CHANGE_REQUIRED. */
  mustChangePassword: boolean;
  staff: StaffView;
}

const USERNAME = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名为3–32位小写字母、数字、点、下划线或连字符，以字母开头');
const STAFF_NAME = z.string().trim().min(1, '请输入姓名').max(50);
const EMPLOYEE_NO = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,32}$/, '工号为1–32位字母、数字或连字符');
const WORK_PHONE = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入有效的手机号或固定电话');
const ROLES = z
  .array(z.enum(STAFF_ROLES as unknown as [Role, ...Role[]]))
  .min(1, '请至少选择一个角色')
  .max(STAFF_ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, '角色不能重复');
const QUEUE_IDS = z
  .array(z.number().int().positive())
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, '队列不能重复');
const WECOM_USER_ID = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.@-]{1,64}$/, '企业微信账号为1–64位字母、数字或 _ . @ -');

export const CreateStaffSchema = z.object({
  username: USERNAME,
  name: STAFF_NAME,
  employeeNo: EMPLOYEE_NO,
  phone: WORK_PHONE,
  roles: ROLES,
  districtId: z.number().int().positive().nullable().optional(),
  queueIds: QUEUE_IDS.default([]),
  wecomUserId: WECOM_USER_ID.nullable().optional(),
});
export type CreateStaffRequest = z.input<typeof CreateStaffSchema>;

/** Every field optional; the username never changes (it is how the person signs in and is audited). */
export const UpdateStaffSchema = z
  .object({
    name: STAFF_NAME,
    employeeNo: EMPLOYEE_NO,
    phone: WORK_PHONE,
    roles: ROLES,
    districtId: z.number().int().positive().nullable(),
    queueIds: QUEUE_IDS,
    wecomUserId: WECOM_USER_ID.nullable(),
  })
  .partial()
  .strict();
export type UpdateStaffRequest = z.infer<typeof UpdateStaffSchema>;

export const ChangePasswordSchema = z.object({
  current: z.string().min(1, '请输入当前密码').max(PASSWORD_MAX_LENGTH),
  next: z
    .string()
    .min(1, '请输入新密码')
    .max(PASSWORD_MAX_LENGTH * 4),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordSchema>;

export interface CreatedStaffResponse {
  id: number;
  username: string;
  /** Shown once to the admin; the person must change it at first sign-in. */
  initialPassword: string;
}

export interface PasswordResetResponse {
  initialPassword: string;
}

/** A staff member as the operator's console lists them: the work phone masked. */
export interface StaffAccountView {
  id: number;
  username: string;
  name: string;
  employeeNo: string | null;
  /** Masked (139****1111). */
  phone: string | null;
  role: Role;
  roles: Role[];
  districtId: number | null;
  stationId: number | null;
  queueIds: number[];
  wecomUserId: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

/** What the staff form offers: districts and queues, by id. */
export interface StaffFormOptions {
  districts: { id: number; name: string }[];
  queues: { id: number; name: string; districtId: number | null }[];
}
