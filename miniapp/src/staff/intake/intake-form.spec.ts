import { Channel, TicketType } from '@utility/shared';
import { EMPTY_FORM, validateIntake, withArticle } from './intake-form';

const filled = {
  ...EMPTY_FORM,
  type: TicketType.Complaint,
  address: '城东区幸福路11号',
  contactName: '王先生',
  contactPhone: '13812345678',
  description: '暖气不热，多次反映未解决',
};

describe('intake channels', () => {
  it('takes a call on the 24-hour line unless another channel is picked', () => {
    expect(validateIntake(filled)).toMatchObject({ ok: true, request: { channel: Channel.Phone } });
    expect(validateIntake({ ...filled, channel: Channel.Visit })).toMatchObject({
      ok: true,
      request: { channel: Channel.Visit },
    });
  });

  it('asks for the 12345 number of a transfer, and sends it', () => {
    expect(validateIntake({ ...filled, channel: Channel.Hotline12345 })).toEqual({
      ok: false,
      errors: { externalRef: '12345转办工单须填写12345工单编号' },
    });
    expect(validateIntake({ ...filled, channel: Channel.Hotline12345, externalRef: ' 12345-0042 ' })).toMatchObject({
      ok: true,
      request: { channel: Channel.Hotline12345, externalRef: '12345-0042' },
    });
  });
});

describe('one click on a knowledge article at intake', () => {
  it("asks a question in the article's title when the agent typed none, keeping what they typed", () => {
    const question = { ...filled, type: TicketType.Consultation, description: '' };
    expect(withArticle(question, '暖气费可以分期吗', '可以分期').description).toBe('咨询：暖气费可以分期吗');
    expect(withArticle({ ...question, description: '问分期' }, '暖气费可以分期吗', '可以分期').description).toBe(
      '问分期',
    );
  });

  it("adds the article's answer to any other request's description, within its 2000 characters", () => {
    expect(withArticle(filled, '暖气不热怎么办', '先排气').description).toBe(
      '暖气不热，多次反映未解决\n【暖气不热怎么办】先排气',
    );
    expect(withArticle({ ...filled, description: '' }, '标题', '答'.repeat(3000)).description).toHaveLength(2000);
  });
});
