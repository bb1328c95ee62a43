describe('billing from the package root', () => {
  it('is exported without chinese-days', () => {
    jest.isolateModules(() => {
      jest.doMock('chinese-days', () => {
        throw new Error('chinese-days was loaded by billing');
      });
      const root = jest.requireActual<typeof import('../index')>('../index');
      expect(typeof root.computeGasBill).toBe('function');
      expect(typeof root.computeHeatingBill).toBe('function');
      expect(typeof root.checkReading).toBe('function');
      expect(typeof root.formatYuan).toBe('function');
      expect(root.DEFAULT_GAS_TIERS).toHaveLength(3);
    });
    jest.dontMock('chinese-days'); // doMock outlives isolateModules
  });
});
