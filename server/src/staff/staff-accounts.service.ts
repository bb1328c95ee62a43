import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CreateStaffSchema,
  ErrorCode,
  PASSWORD_PROBLEM_MESSAGES,
  Role,
  StaffAccountView,
  StaffFormOptions,
  UpdateStaffRequest,
  maskPhone,
  passwordProblem,
} from '@utility/shared';
import { Repository } from 'typeorm';
import { z } from 'zod';
import { AdminAudit } from '../audit/admin-audit.service';
import { AppError, notFound } from '../common/app-error';
import { Db, isDuplicateKey } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { OrgService } from '../org/org.service';
import { QueuesService } from '../queues/queues.service';
import { COMMON_PASSWORDS } from './common-passwords';
import { hashPassword, oneTimePassword, verifyPassword } from './password-hash';
import { StaffSessions } from './staff-sessions.service';
import { Staff } from './staff.entity';

/** Every queue is offered to the admin: read as an admin sees them. */
const ADMIN_VIEW: StaffPrincipal = {
  kind: 'staff',
  id: 0,
  name: '',
  role: Role.Admin,
  stationId: null,
  districtId: null,
};

type CreateStaff = z.output<typeof CreateStaffSchema>;

/** The person's fields as the change log keeps them: no password, the phone masked (docs/domain.md#personal-data). */
type AuditedStaff = Omit<StaffAccountView, 'id'>;

/** Refuses a password that breaks the rules, with the rule's own Chinese message. */
export function assertStrongPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username, (p) => COMMON_PASSWORDS.has(p));
  if (problem) {
    throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.PasswordTooWeak, PASSWORD_PROBLEM_MESSAGES[problem], [
      { path: 'next', message: PASSWORD_PROBLEM_MESSAGES[problem] },
    ]);
  }
}

/**
 * Staff accounts administered by an admin (issue 13): created with a one-time password, edited,
 * disabled, re-passworded; every change recorded in the admins' change log. A disable or a reset
 * raises tokenVersion, which ends every session of that person within a second (StaffGuard).
 */
@Injectable()
export class StaffAccounts {
  constructor(
    @InjectRepository(Staff) private readonly staff: Repository<Staff>,
    private readonly db: Db,
    private readonly queues: QueuesService,
    private readonly org: OrgService,
    private readonly audit: AdminAudit,
    private readonly sessions: StaffSessions,
  ) {}

  async list(): Promise<StaffAccountView[]> {
    const people = await this.staff.find({ order: { id: 'ASC' } });
    const queueIds = await this.queues.queueIdsOf(people.map((p) => p.id));
    return people.map((p) => this.view(p, queueIds.get(p.id) ?? []));
  }

  async options(): Promise<StaffFormOptions> {
    const [districts, queues] = await Promise.all([this.org.listDistricts(), this.queues.visibleQueues(ADMIN_VIEW)]);
    return {
      districts: districts.map((d) => ({ id: d.id, name: d.name })),
      queues: queues.map((q) => ({ id: q.id, name: q.name, districtId: q.districtId })),
    };
  }

  async get(id: number): Promise<StaffAccountView> {
    const person = await this.staff.findOneBy({ id });
    if (!person) throw notFound();
    return this.view(person, (await this.queues.queueIdsOf([id])).get(id) ?? []);
  }

  async create(
    admin: StaffPrincipal,
    body: CreateStaff,
  ): Promise<{ id: number; username: string; initialPassword: string }> {
    await this.checkReferences(body);
    const initialPassword = oneTimePassword();
    const passwordHash = await hashPassword(initialPassword);
    const created = await this.unique(body, () =>
      this.db.transaction(async (em) => {
        await this.checkFree({ username: body.username, employeeNo: body.employeeNo });
        const person = await em.getRepository(Staff).save(
          em.getRepository(Staff).create({
            username: body.username,
            name: body.name,
            employeeNo: body.employeeNo,
            phone: body.phone,
            role: body.roles[0],
            roles: body.roles,
            districtId: body.districtId ?? null,
            stationId: null,
            capacity: 5,
            active: true,
            mustChangePassword: true,
            tokenVersion: 0,
            passwordHash,
            wecomUserId: body.wecomUserId ?? null,
          }),
        );
        await this.queues.setMemberships(person.id, body.queueIds);
        await this.audit.record(admin, {
          action: 'staff.create',
          subjectType: 'staff',
          subjectId: person.id,
          after: this.audited(person, body.queueIds),
        });
        return person;
      }),
    );
    return { id: created.id, username: created.username, initialPassword };
  }

  async update(admin: StaffPrincipal, id: number, body: UpdateStaffRequest): Promise<StaffAccountView> {
    if (id === admin.id && body.roles && !body.roles.includes(Role.Admin)) {
      // Nobody may lock the console's last door behind them.
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, '不能取消自己的管理员角色');
    }
    await this.checkReferences(body);
    const view = await this.unique(body, () =>
      this.db.transaction(async (em) => {
        const repo = em.getRepository(Staff);
        const person = await repo.findOneBy({ id });
        if (!person) throw notFound();
        const queueIdsBefore = (await this.queues.queueIdsOf([id])).get(id) ?? [];
        const before = this.audited(person, queueIdsBefore);
        if (body.employeeNo !== undefined && body.employeeNo !== person.employeeNo) {
          await this.checkFree({ employeeNo: body.employeeNo });
        }
        const changes: Partial<Staff> = {
          ...(body.name !== undefined && { name: body.name }),
          ...(body.employeeNo !== undefined && { employeeNo: body.employeeNo }),
          ...(body.phone !== undefined && { phone: body.phone }),
          ...(body.roles !== undefined && { role: body.roles[0], roles: body.roles }),
          ...(body.districtId !== undefined && { districtId: body.districtId }),
          ...(body.wecomUserId !== undefined && { wecomUserId: body.wecomUserId }),
        };
        if (Object.keys(changes).length) await repo.update({ id }, changes);
        if (body.queueIds) await this.queues.setMemberships(id, body.queueIds);
        const after = { ...person, ...changes };
        const queueIds = body.queueIds ?? queueIdsBefore;
        await this.audit.record(admin, {
          action: 'staff.update',
          subjectType: 'staff',
          subjectId: id,
          before,
          after: this.audited(after, queueIds),
        });
        return this.view(after, queueIds);
      }),
    );
    this.sessions.forget(id);
    return view;
  }

  /** Ends every session of the person at once and refuses their sign-in from then on. */
  async disable(admin: StaffPrincipal, id: number): Promise<StaffAccountView> {
    if (id === admin.id) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, '不能停用自己的账号');
    }
    return this.setActive(admin, id, false);
  }

  async enable(admin: StaffPrincipal, id: number): Promise<StaffAccountView> {
    return this.setActive(admin, id, true);
  }

  /** A new one-time password, shown once; every session of the person ends. */
  async resetPassword(admin: StaffPrincipal, id: number): Promise<{ initialPassword: string }> {
    const initialPassword = oneTimePassword();
    const passwordHash = await hashPassword(initialPassword);
    await this.db.transaction(async (em) => {
      const person = await em.getRepository(Staff).findOneBy({ id });
      if (!person) throw notFound();
      await em
        .getRepository(Staff)
        .update({ id }, { passwordHash, mustChangePassword: true, tokenVersion: () => 'tokenVersion + 1' });
      await this.audit.record(admin, {
        action: 'staff.reset-password',
        subjectType: 'staff',
        subjectId: id,
        before: { mustChangePassword: person.mustChangePassword },
        after: { mustChangePassword: true, sessionsEnded: true },
      });
    });
    this.sessions.forget(id);
    return { initialPassword };
  }

  /**
   * The person's own change: the current password, a new one that keeps the rules and differs from it.
   * Ends every other session (tokenVersion); the caller gets a fresh token. Returns the updated account.
   */
  async changeOwnPassword(staffId: number, current: string, next: string): Promise<Staff> {
    const person = await this.staff.findOneBy({ id: staffId, active: true });
    if (!person) throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);
    if (!(await verifyPassword(current, person.passwordHash))) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.CurrentPasswordWrong);
    }
    assertStrongPassword(next, person.username);
    if (next === current) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.PasswordTooWeak, '新密码不能与当前密码相同', [
        { path: 'next', message: '新密码不能与当前密码相同' },
      ]);
    }
    const passwordHash = await hashPassword(next);
    await this.db.transaction((em) =>
      em
        .getRepository(Staff)
        .update(
          { id: staffId, passwordHash: person.passwordHash },
          { passwordHash, mustChangePassword: false, tokenVersion: () => 'tokenVersion + 1' },
        ),
    );
    this.sessions.forget(staffId);
    const updated = await this.staff.findOneByOrFail({ id: staffId });
    // Someone else (a reset) changed the password between the check and the update: theirs stands.
    if (updated.passwordHash !== passwordHash) throw new AppError(HttpStatus.CONFLICT, ErrorCode.Conflict);
    return updated;
  }

  private async setActive(admin: StaffPrincipal, id: number, active: boolean): Promise<StaffAccountView> {
    const view = await this.db.transaction(async (em) => {
      const repo = em.getRepository(Staff);
      const person = await repo.findOneBy({ id });
      if (!person) throw notFound();
      if (person.active !== active) {
        // Disabling revokes every token; enabling needs none revoked (there are none valid).
        await repo.update({ id }, { active, ...(active ? {} : { tokenVersion: () => 'tokenVersion + 1' }) });
        await this.audit.record(admin, {
          action: active ? 'staff.enable' : 'staff.disable',
          subjectType: 'staff',
          subjectId: id,
          before: { active: person.active },
          after: { active },
        });
      }
      return this.view({ ...person, active }, (await this.queues.queueIdsOf([id])).get(id) ?? []);
    });
    this.sessions.forget(id);
    return view;
  }

  /** The district and queues named must exist; nothing is written otherwise. */
  private async checkReferences(body: { districtId?: number | null; queueIds?: number[] }): Promise<void> {
    if (body.districtId != null && !(await this.org.findDistrict(body.districtId))) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.UnknownDistrict);
    }
    if (body.queueIds?.length) {
      const found = new Set((await this.queues.findByIds(body.queueIds)).map((q) => q.id));
      const missing = body.queueIds.filter((id) => !found.has(id));
      if (missing.length) {
        throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.UnknownQueue, undefined, [
          { path: 'queueIds', message: `队列 ${missing.join('、')} 不存在` },
        ]);
      }
    }
  }

  private async checkFree(key: { username?: string; employeeNo?: string }): Promise<void> {
    const em = this.db.manager;
    const repo = em.getRepository(Staff);
    if (key.username && (await repo.existsBy({ username: key.username }))) {
      throw new AppError(HttpStatus.CONFLICT, ErrorCode.UsernameTaken);
    }
    if (key.employeeNo && (await repo.existsBy({ employeeNo: key.employeeNo }))) {
      throw new AppError(HttpStatus.CONFLICT, ErrorCode.EmployeeNoTaken);
    }
  }

  /** Two admins saving the same username or employee number at once: the database's unique index decides. */
  private async unique<T>(key: { username?: string; employeeNo?: string }, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // The index's name in the error differs by database: ask which value is taken now.
      const employeeNoTaken = !!key.employeeNo && (await this.staff.existsBy({ employeeNo: key.employeeNo }));
      throw new AppError(HttpStatus.CONFLICT, employeeNoTaken ? ErrorCode.EmployeeNoTaken : ErrorCode.UsernameTaken);
    }
  }

  private audited(p: Staff, queueIds: number[]): AuditedStaff {
    const { id: _id, ...rest } = this.view(p, queueIds);
    return rest;
  }

  private view(p: Staff, queueIds: number[]): StaffAccountView {
    return {
      id: p.id,
      username: p.username,
      name: p.name,
      employeeNo: p.employeeNo,
      phone: p.phone ? maskPhone(p.phone) : null,
      role: p.role,
      roles: p.roles.length ? p.roles : [p.role],
      districtId: p.districtId,
      stationId: p.stationId,
      queueIds,
      wecomUserId: p.wecomUserId,
      active: p.active,
      mustChangePassword: p.mustChangePassword,
    };
  }
}
