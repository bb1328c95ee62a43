import { Priority } from '../tickets/ticket-codes';

/** 一级 is the most serious. */
export enum ComplaintGrade {
  One = 1,
  Two = 2,
  Three = 3,
}

export const COMPLAINT_GRADES: readonly ComplaintGrade[] = [
  ComplaintGrade.One,
  ComplaintGrade.Two,
  ComplaintGrade.Three,
];

export const COMPLAINT_GRADE_LABELS: Record<ComplaintGrade, string> = {
  [ComplaintGrade.One]: '一级',
  [ComplaintGrade.Two]: '二级',
  [ComplaintGrade.Three]: '三级',
};

/** Where a graded complaint is worked and how urgently (docs/domain.md#priorities-and-grades). */
export interface ComplaintHandling {
  priority: Priority;
  /** Moves to the supervisor's complaint queue. */
  supervisorQueue: boolean;
  /** Escalated at once, without waiting for a clock to breach. */
  escalateNow: boolean;
  /** Only a supervisor may close it. */
  supervisorCloses: boolean;
}

export function complaintHandling(grade: ComplaintGrade): ComplaintHandling {
  const one = grade === ComplaintGrade.One;
  return {
    priority: one ? Priority.High : Priority.Normal,
    supervisorQueue: one,
    escalateNow: one,
    supervisorCloses: one,
  };
}
