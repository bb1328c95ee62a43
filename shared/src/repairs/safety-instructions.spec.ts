import { DEFAULT_HOTLINE_NUMBER, safetyInstructions } from './safety-instructions';

describe('safetyInstructions', () => {
  it('are in the order to follow them, ending with the hotline', () => {
    expect(safetyInstructions().map((s) => s.title)).toEqual([
      '开窗通风',
      '不要开关电器',
      '不要点火',
      '立即离开',
      '拨打24小时热线',
    ]);
    expect(safetyInstructions().at(-1)).toMatchObject({ key: 'call_hotline', phone: DEFAULT_HOTLINE_NUMBER });
    expect(DEFAULT_HOTLINE_NUMBER).toBe('96777');
  });

  it('use the configured hotline', () => {
    const last = safetyInstructions('0571-96777').at(-1)!;
    expect(last.phone).toBe('0571-96777');
    expect(last.detail).toContain('0571-96777');
  });
});

describe('safetyInstructions for a heating (hot-water) leak', () => {
  const steps = safetyInstructions('96777', 'heating');

  it('close the radiator valves first and never the gas steps', () => {
    expect(steps[0].title).toBe('关闭暖气阀门');
    const text = steps.map((s) => s.title + s.detail).join('');
    expect(text).not.toMatch(/燃气|开窗通风|明火/);
  });

  it('end with the hotline', () => {
    expect(steps.at(-1)).toMatchObject({ key: 'call_hotline', phone: '96777' });
  });
});
