import { Injectable } from '@nestjs/common';

/** The tickets some attachment targets belong to (target id → ticket id); targets of no ticket are left out. */
export type TicketsOfTargets = (targetIds: number[]) => Promise<Map<number, number>>;

/**
 * Which ticket a photo belongs to, by what it is attached to (`ticket:42`, `repair_after:7`…): each
 * module that attaches photos to its records says which ticket a record is of, so that a photo is
 * readable by whoever may read its ticket (docs/domain.md#photos) without uploads knowing the modules.
 */
@Injectable()
export class PhotoTargets {
  private readonly resolvers = new Map<string, TicketsOfTargets>([
    ['ticket', (ids) => Promise.resolve(new Map(ids.map((id) => [id, id])))],
  ]);

  register(prefix: string, resolve: TicketsOfTargets): void {
    this.resolvers.set(prefix, resolve);
  }

  /** The ticket of an attachment; undefined when its kind of target is not about a ticket (a meter reading). */
  async ticketOf(attachedTo: string | null): Promise<number | null | undefined> {
    if (!attachedTo) return undefined;
    const [prefix, id] = attachedTo.split(':');
    const resolve = this.resolvers.get(prefix);
    if (!resolve) return undefined;
    return (await resolve([Number(id)])).get(Number(id)) ?? null;
  }
}
