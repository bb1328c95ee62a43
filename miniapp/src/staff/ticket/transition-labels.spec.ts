import { TicketStatus as S } from '@utility/shared';
import { transitionLabel } from './transition-labels';

describe('transition buttons', () => {
  it.each([
    [S.Submitted, S.Accepted, '受理'],
    [S.Assigned, S.Accepted, '退回'],
    [S.OnSite, S.Accepted, '退回'],
    [S.Resolved, S.Accepted, '重新打开'],
    [S.Closed, S.Accepted, '重新打开'],
    [S.Assigned, S.EnRoute, '出发'],
    [S.EnRoute, S.OnSite, '到达现场'],
    [S.OnSite, S.Resolved, '处理完成'],
    [S.Resolved, S.Closed, '关闭'],
    [S.Submitted, S.Cancelled, '取消'],
  ])('%s → %s reads %s', (from, to, label) => {
    expect(transitionLabel(from, to)).toBe(label);
  });
});
