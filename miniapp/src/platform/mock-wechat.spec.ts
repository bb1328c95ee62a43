import { mockLoginCode, mockPhoneCode } from './mock-wechat';

// As the server's fake WeChat parses them (server/src/dev/fake-wechat.server.ts).
const FAKE_LOGIN = /^mock-([A-Za-z0-9._@-]{1,64})(?::[A-Za-z0-9_-]{1,64})?$/;
const FAKE_PHONE = /^mock-phone-(1\d{10})(?::[A-Za-z0-9_-]{1,64})?$/;

describe('mock WeChat codes (H5)', () => {
  it('a login code names the identity and is new every time: codes are single-use', () => {
    const codes = Array.from({ length: 50 }, () => mockLoginCode('resident-demo'));
    expect(new Set(codes).size).toBe(50);
    for (const code of codes) {
      expect(code).toMatch(FAKE_LOGIN);
      expect(FAKE_LOGIN.exec(code)![1]).toBe('resident-demo');
    }
  });

  it('a phone code carries the 11 digits and its own nonce', () => {
    const [a, b] = [mockPhoneCode('13800138000'), mockPhoneCode('13800138000')];
    expect(a).not.toBe(b);
    expect(FAKE_PHONE.exec(a)![1]).toBe('13800138000');
  });

  it('refuses what the fake would refuse', () => {
    expect(() => mockLoginCode('王秀英')).toThrow();
    expect(() => mockLoginCode('')).toThrow();
    expect(() => mockPhoneCode('1380013800')).toThrow();
  });
});
