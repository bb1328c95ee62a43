import { HttpStatus, Injectable } from '@nestjs/common';
import {
  AdminQueueView,
  ErrorCode,
  QueueKind,
  QueuePatchSchema,
  QueueSchema,
  RoutingRulePatchSchema,
  RoutingRuleSchema,
  RoutingRuleView,
} from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AdminAudit } from '../audit/admin-audit.service';
import { AppError, conflict, notFound } from '../common/app-error';
import { Db, isDuplicateKey } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { OrgVersion } from '../org/org-version.service';
import { defined, OrgService, unknownReference } from '../org/org.service';
import { Queue } from '../queues/queue.entity';
import { QueuesService } from '../queues/queues.service';
import { RoutingRuleRow } from '../queues/routing-rule.entity';
import { StaffService } from '../staff/staff.service';

type QueueBody = z.output<typeof QueueSchema>;
type QueuePatch = z.output<typeof QueuePatchSchema>;
type RuleBody = z.output<typeof RoutingRuleSchema>;
type RulePatch = z.output<typeof RoutingRulePatchSchema>;

const kindOf = (q: Queue): QueueKind =>
  q.triage ? 'triage' : q.autoAssign ? 'emergency' : q.supervisorOnly ? 'supervisor_only' : 'standard';
const flagsOf = (kind: Exclude<QueueKind, 'triage'>) => ({
  autoAssign: kind === 'emergency',
  supervisorOnly: kind === 'supervisor_only',
});
const queueView = (q: Queue, memberIds: number[]): AdminQueueView => ({
  id: q.id,
  code: q.code,
  name: q.name,
  kind: kindOf(q),
  districtId: q.districtId,
  stationId: q.stationId,
  memberIds,
});
const ruleView = (r: RoutingRuleRow): RoutingRuleView => ({
  id: r.id,
  ticketType: r.ticketType,
  districtId: r.districtId,
  stationId: r.stationId,
  queueId: r.queueId,
});

/**
 * The admin console's queues, members and routing rules (docs/domain.md#organisation). Each
 * change bumps the organisation's version in its own transaction, so every process routes the
 * next ticket by it, and is kept in the admins' change log.
 */
@Injectable()
export class QueueAdminService {
  constructor(
    private readonly queues: QueuesService,
    private readonly org: OrgService,
    private readonly staff: StaffService,
    private readonly version: OrgVersion,
    private readonly audit: AdminAudit,
    private readonly db: Db,
  ) {}

  async listQueues(): Promise<AdminQueueView[]> {
    const [queues, members] = [await this.queues.listAll(), await this.queues.membersByQueue()];
    return queues.map((q) => queueView(q, members.get(q.id) ?? []));
  }

  createQueue(actor: StaffPrincipal, body: QueueBody): Promise<AdminQueueView> {
    return this.write(async (em) => {
      const place = await this.place(body.districtId, body.stationId);
      await this.assertMembers(body.memberIds);
      const code = body.code ?? `queue-${randomBytes(3).toString('hex')}`;
      await this.assertQueueUnique({ code, name: body.name }, null);
      const queue = await em.save(
        Queue,
        em.create(Queue, { code, name: body.name, ...place, ...flagsOf(body.kind), triage: false }),
      );
      await this.queues.setMembers(queue.id, body.memberIds);
      const view = queueView(queue, body.memberIds);
      await this.changed(actor, 'queue.create', 'queue', queue.id, undefined, view);
      return view;
    });
  }

  updateQueue(actor: StaffPrincipal, id: number, patch: QueuePatch): Promise<AdminQueueView> {
    return this.write(async (em) => {
      const row = await em.findOneBy(Queue, { id });
      if (!row) throw notFound();
      const before = queueView(row, await this.queues.memberIds(id));
      if (patch.kind !== undefined && row.triage && patch.kind !== 'triage')
        throw unknownReference('kind', '分诊队列的类型不能修改');
      const place =
        patch.districtId !== undefined || patch.stationId !== undefined
          ? await this.place(
              patch.districtId !== undefined ? patch.districtId : row.districtId,
              patch.stationId !== undefined ? patch.stationId : row.stationId,
            )
          : {};
      if (patch.memberIds) await this.assertMembers(patch.memberIds);
      await this.assertQueueUnique({ code: patch.code, name: patch.name }, id);
      const next: Queue = {
        ...row,
        ...defined({ code: patch.code, name: patch.name }),
        ...place,
        ...(patch.kind && !row.triage ? flagsOf(patch.kind) : {}),
      };
      await em.save(Queue, next);
      if (patch.memberIds) await this.queues.setMembers(id, patch.memberIds);
      const after = queueView(next, await this.queues.memberIds(id));
      await this.changed(actor, 'queue.update', 'queue', id, before, after);
      return after;
    });
  }

  setMembers(actor: StaffPrincipal, id: number, memberIds: number[]): Promise<AdminQueueView> {
    return this.updateQueue(actor, id, { memberIds });
  }

  async listRules(): Promise<RoutingRuleView[]> {
    return (await this.queues.listRules()).map(ruleView);
  }

  createRule(actor: StaffPrincipal, body: RuleBody): Promise<RoutingRuleView> {
    return this.write(async (em) => {
      await this.assertRule(body, null);
      const rule = await em.save(RoutingRuleRow, em.create(RoutingRuleRow, body));
      const view = ruleView(rule);
      await this.changed(actor, 'routing_rule.create', 'routing_rule', rule.id, undefined, view);
      return view;
    });
  }

  updateRule(actor: StaffPrincipal, id: number, patch: RulePatch): Promise<RoutingRuleView> {
    return this.write(async (em) => {
      const row = await em.findOneBy(RoutingRuleRow, { id });
      if (!row) throw notFound();
      const before = ruleView(row);
      const next = { ...row, ...defined(patch) };
      await this.assertRule(next, id);
      const after = ruleView(await em.save(RoutingRuleRow, next));
      await this.changed(actor, 'routing_rule.update', 'routing_rule', id, before, after);
      return after;
    });
  }

  /**
   * Where a queue or rule applies: a station implies its district (filled in when not given);
   * a station of another district than the one named is refused.
   */
  private async place(
    districtId: number | null,
    stationId: number | null,
  ): Promise<{ districtId: number | null; stationId: number | null }> {
    if (districtId !== null && !(await this.org.findDistrict(districtId)))
      throw unknownReference('districtId', '片区不存在');
    if (stationId === null) return { districtId, stationId };
    const station = await this.org.findStation(stationId);
    if (!station) throw unknownReference('stationId', '站点不存在');
    if (districtId !== null && station.districtId !== districtId)
      throw unknownReference('stationId', '站点不属于所选片区');
    return { districtId: station.districtId, stationId };
  }

  private async assertMembers(staffIds: number[]): Promise<void> {
    const people = (await this.staff.findByIds(staffIds)).filter((s) => s.active);
    const missing = staffIds.filter((id) => !people.some((p) => p.id === id));
    if (missing.length) throw unknownReference('memberIds', `人员不存在或已停用：${missing.join('、')}`);
  }

  private async assertQueueUnique(fields: { code?: string; name?: string }, exceptId: number | null): Promise<void> {
    const em = this.db.manager;
    for (const key of ['code', 'name'] as const) {
      if (fields[key] === undefined) continue;
      const clash = await em.findOneBy(Queue, { [key]: fields[key] });
      if (clash && clash.id !== exceptId) throw conflict(ErrorCode.AlreadyExists);
    }
  }

  private async assertRule(rule: Omit<RoutingRuleRow, 'id'>, exceptId: number | null) {
    const em = this.db.manager;
    const place = await this.place(rule.districtId, rule.stationId);
    if (rule.districtId === null && rule.stationId !== null) rule.districtId = place.districtId;
    if (!(await em.findOneBy(Queue, { id: rule.queueId }))) throw unknownReference('queueId', '队列不存在');
    // NULLs never collide in a unique index: the one-rule-per-key check is made here.
    const same = (await em.findBy(RoutingRuleRow, { ticketType: rule.ticketType })).find(
      (r) => r.id !== exceptId && r.districtId === rule.districtId && r.stationId === rule.stationId,
    );
    if (same) throw new AppError(HttpStatus.CONFLICT, ErrorCode.AlreadyExists, '该类型在此范围已有分派规则');
  }

  private async changed(
    actor: StaffPrincipal,
    action: string,
    subjectType: string,
    subjectId: number,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await this.version.bump();
    await this.audit.record(actor, { action, subjectType, subjectId, before, after });
  }

  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(ErrorCode.AlreadyExists);
      throw error;
    } finally {
      this.queues.forgetWorkedQueues();
    }
  }
}
