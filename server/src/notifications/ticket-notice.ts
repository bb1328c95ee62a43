import {
  NoticeTemplates,
  RESIDENT_STEP_LABELS,
  ResidentStep,
  TICKET_TYPE_LABELS,
  residentStepForEvent,
  shanghaiDateTime,
} from '@utility/shared';
import { TicketEventFact } from '../tickets/ticket-reader.service';
import { NoticeData } from './notice.entity';

/** The steps residents are told about, and which consented template carries each. */
const TEMPLATE_OF: Partial<Record<ResidentStep, keyof NoticeTemplates>> = {
  [ResidentStep.Accepted]: 'accepted',
  [ResidentStep.Dispatched]: 'progress',
  [ResidentStep.OnTheWay]: 'progress',
  [ResidentStep.Delayed]: 'progress',
  [ResidentStep.Done]: 'resolved',
};

export interface PlannedNotice {
  templateId: string;
  page: string;
  data: NoticeData;
}

/**
 * The subscribe message for a timeline event, or null when residents are not told about it.
 * Field kinds follow WeChat's template rules (thing ≤ 20 chars, phrase ≤ 5, character_string ≤ 32).
 */
export function noticeForEvent(fact: TicketEventFact, templates: NoticeTemplates): PlannedNotice | null {
  const step = residentStepForEvent(fact.kind, fact.from, fact.to);
  const template = step && TEMPLATE_OF[step];
  if (!step || !template) return null;
  // Late on site: the time the resident is told is the new expected arrival, not the moment of the breach.
  const expectedBy = step === ResidentStep.Delayed ? fact.data?.expectedBy : undefined;
  const time = typeof expectedBy === 'string' ? new Date(expectedBy) : fact.at;
  return {
    templateId: templates[template],
    page: `packages/requests/detail?id=${fact.ticketId}`,
    data: {
      character_string1: { value: fact.ticketNo.slice(0, 32) },
      thing2: { value: TICKET_TYPE_LABELS[fact.ticketType].slice(0, 20) },
      phrase3: { value: RESIDENT_STEP_LABELS[step].slice(0, 5) },
      time4: { value: shanghaiDateTime(time) },
    },
  };
}
