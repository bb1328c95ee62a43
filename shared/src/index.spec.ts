/** The package root is bundled by the miniapp: it must not pull in chinese-days. */
describe('@utility/shared root', () => {
  it('loads without chinese-days', () => {
    jest.isolateModules(() => {
      jest.doMock('chinese-days', () => {
        throw new Error('chinese-days was loaded by the package root');
      });
      const root = jest.requireActual<typeof import('./index')>('./index');
      expect(typeof root.computeDeadlines).toBe('function');
      expect(typeof root.routeTicket).toBe('function');
      expect(typeof root.assertTransition).toBe('function');
      expect(root).not.toHaveProperty('chinaWorkCalendar');
    });
    jest.dontMock('chinese-days'); // doMock outlives isolateModules
  });

  it('the sla entry does load it', () => {
    jest.isolateModules(() => {
      const sla = jest.requireActual<typeof import('./sla')>('./sla');
      expect(typeof sla.chinaWorkCalendar).toBe('function');
      expect(sla.addWorkingDays).toBe(
        jest.requireActual<typeof import('./sla/sla-deadlines')>('./sla/sla-deadlines').addWorkingDays,
      );
      // One row per ticket type for any place and channel, plus the power and 12345 refinements.
      expect(sla.DEFAULT_SLA_POLICIES.filter((p) => sla.selectorSpecificity(p) === 0)).toHaveLength(11);
    });
  });
});
