import { act, render, screen, waitFor } from '@testing-library/react';
import { ApplicationDocument, ApplicationKind, TicketType, type FeedbackRequestCreated } from '@utility/shared';
import { NOTICE_TEMPLATES, boundAccount, signInResident } from '../../../test/factories/residents';
import { answer, serve } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import ApplicationPage from './index';
import {
  EMPTY_APPLICATION_FORM,
  kindsFor,
  switchKind,
  validateApplication,
  type ApplicationForm,
} from './application-form';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const photo = (id: number) => ({ id, path: `p${id}` });

describe('application form', () => {
  it('offers stopping and restoring only for the account’s own utility', () => {
    expect(kindsFor('gas').map((k) => k.label)).toEqual(['开户', '过户', '停气', '复气']);
    expect(kindsFor('heating').map((k) => k.label)).toEqual(['开户', '过户', '停热', '复热']);
  });

  it('keeps the fields and documents the new kind shares, and drops the rest', () => {
    const stop: ApplicationForm = {
      kind: ApplicationKind.StopGas,
      accountId: 1,
      fields: { applicantName: '王秀英', phone: '13812345678', from: '2026-12-01', reason: '出国一年' },
      photos: { [ApplicationDocument.IdCard]: [photo(4)] },
    };
    expect(switchKind(stop, ApplicationKind.RestoreGas)).toEqual({
      kind: 'restore_gas',
      accountId: 1,
      fields: { applicantName: '王秀英', phone: '13812345678', from: '2026-12-01' },
      photos: { id_card: [photo(4)] },
    });
  });

  it('names each missing field and document, and the malformed ones', () => {
    const form = {
      ...EMPTY_APPLICATION_FORM,
      kind: ApplicationKind.Transfer,
      accountId: 1,
      fields: { idNumber: '1101', phone: '13812345678' },
      photos: { id_card: [photo(1)] },
    };
    expect(validateApplication(form)).toEqual({
      ok: false,
      errors: {
        'fields.newHolderName': '请填写新户主姓名',
        'fields.idNumber': '身份证号应为18位',
        'photoIds.property_certificate': '请上传房产证或购房合同照片',
        'photoIds.transfer_contract': '请上传房屋买卖或赠与合同照片',
        'photoIds.previous_holder_consent': '请上传原户主同意书照片',
      },
    });
    expect(validateApplication(EMPTY_APPLICATION_FORM)).toMatchObject({
      ok: false,
      errors: { kind: '请选择业务类型', accountId: '请选择户号' },
    });
  });
});

describe('业务办理 page', () => {
  beforeEach(() => {
    taro.resetTaroMock();
    signInResident();
  });

  it('files a 停气 with its fields and the ID card photo, under an Idempotency-Key', async () => {
    let id = 61;
    taro.uploadFile.mockImplementation(() =>
      Promise.resolve({ statusCode: 201, data: JSON.stringify({ id: id++, url: '/api/uploads/x' }) }),
    );
    const created: FeedbackRequestCreated = {
      ticketId: 40,
      no: '20261123000040',
      type: TicketType.Application,
      typeLabel: '业务办理',
      status: 'accepted' as FeedbackRequestCreated['status'],
      resolveBy: '2026-11-26T16:00:00Z',
      anonymous: false,
    };
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
      'POST /api/applications': () => answer(201, created),
    });
    render(<ApplicationPage />);
    await screen.findByText('燃气 · 9100000001（家）');
    expect(document.getElementById('application-kind-stop_heating')).toBeNull();
    await tap('application-kind-stop_gas');
    await typeInto('application-field-applicantName', '王秀英');
    await typeInto('application-field-phone', '13812345678');
    act(() => {
      byId('application-field-from').dispatchEvent(new CustomEvent('change', { detail: { value: '2026-12-01' } }));
    });
    await tap('application-submit');
    expect(byId('application-doc-id_card-error').textContent).toBe('请上传申请人身份证照片');
    expect(posts()).toEqual([]);

    await tap('application-doc-id_card');
    await waitFor(() => expect(byId('application-doc-id_card-count').textContent).toContain('1/6'));
    await tap('application-submit');
    expect(posts()[0].data).toEqual({
      kind: 'stop_gas',
      accountId: 1,
      fields: { applicantName: '王秀英', phone: '13812345678', from: '2026-12-01' },
      photoIds: { id_card: [61] },
    });
    expect(posts()[0].header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    await screen.findByText('申请已提交');
  });
});
