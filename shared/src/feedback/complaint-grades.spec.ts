import { Priority } from '../tickets/ticket-codes';
import { ApplicationKind, APPLICATION_KINDS, applicationProblems } from './application-kinds';
import { ComplaintGrade, complaintHandling } from './complaint-grades';

describe('complaintHandling', () => {
  it.each<[ComplaintGrade, Priority, boolean]>([
    [ComplaintGrade.One, Priority.High, true],
    [ComplaintGrade.Two, Priority.Normal, false],
    [ComplaintGrade.Three, Priority.Normal, false],
  ])('grade %s → %s, supervisor %s', (grade, priority, supervisor) => {
    expect(complaintHandling(grade)).toEqual({
      priority,
      supervisorQueue: supervisor,
      escalateNow: supervisor,
      supervisorCloses: supervisor,
    });
  });
});

describe('applicationProblems', () => {
  const ok = { applicantName: '张三', phone: '13800001111', from: '2026-12-01' };
  it.each<[ApplicationKind, Record<string, string>, Record<string, number[]>, string[]]>([
    [ApplicationKind.StopGas, ok, { id_card: [1] }, []],
    [ApplicationKind.StopGas, ok, {}, ['photoIds.id_card']],
    [ApplicationKind.RestoreGas, ok, { id_card: [1] }, ['photoIds.arrears_receipt']],
    [ApplicationKind.StopHeating, { ...ok, from: '12/01' }, { id_card: [1] }, ['fields.from']],
    [ApplicationKind.StopGas, { ...ok, phone: '123' }, { id_card: [1] }, ['fields.phone']],
    [
      ApplicationKind.StopGas,
      { ...ok, extra: 'x' },
      { id_card: [1], transfer_contract: [2] },
      ['fields.extra', 'photoIds.transfer_contract'],
    ],
    [
      ApplicationKind.OpenAccount,
      { applicantName: '张三', phone: '13800001111', idNumber: '11010519491231002X' },
      { id_card: [1], property_certificate: [2] },
      [],
    ],
    [
      ApplicationKind.Transfer,
      { newHolderName: '李四', phone: '13800001111', idNumber: '110105194912310021' },
      { id_card: [1], property_certificate: [2], transfer_contract: [3] },
      ['photoIds.previous_holder_consent'],
    ],
  ])('%s %j %j → %j', (kind, fields, photos, paths) => {
    expect(applicationProblems(kind, fields, photos).map((p) => p.path)).toEqual(paths);
  });

  it('asks for at least the applicant id card for every kind', () => {
    for (const def of Object.values(APPLICATION_KINDS)) expect(def.documents).toContain('id_card');
  });
});
