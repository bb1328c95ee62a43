import { z } from 'zod';
import { Role } from '../org/roles';

export const StaffLoginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});
export type StaffLoginRequest = z.infer<typeof StaffLoginSchema>;

export interface StaffView {
  id: number;
  name: string;
  username: string;
  role: Role;
  stationId: number | null;
  districtId: number | null;
  onDuty: boolean;
}

export interface StaffLoginResponse {
  token: string;
  /** ISO time the token stops working. */
  expiresAt: string;
  staff: StaffView;
}
