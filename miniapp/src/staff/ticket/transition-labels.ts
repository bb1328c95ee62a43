import { TicketStatus as S } from '@utility/shared';

const LABELS: Record<S, string> = {
  [S.Submitted]: '待受理',
  [S.Accepted]: '受理',
  [S.Assigned]: '派单',
  [S.EnRoute]: '出发',
  [S.OnSite]: '到达现场',
  [S.Resolved]: '处理完成',
  [S.Closed]: '关闭',
  [S.Cancelled]: '取消',
};

/** The button that moves a ticket from `from` to `to`; "accepted" reads by where it comes from. */
export function transitionLabel(from: S, to: S): string {
  if (to === S.Accepted) {
    if (from === S.Resolved || from === S.Closed) return '重新打开';
    if (from === S.Assigned || from === S.EnRoute || from === S.OnSite) return '退回';
  }
  return LABELS[to];
}
