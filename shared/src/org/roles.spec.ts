import { Role, canBeAssigned } from './roles';

describe('canBeAssigned', () => {
  it.each([
    [[Role.Technician], true],
    [[Role.Inspector], true],
    [[Role.Agent], true],
    [[Role.Supervisor], true],
    [[Role.Dispatcher], false],
    [[Role.Admin], false],
    [[Role.Dispatcher, Role.Admin], false],
    [[Role.Dispatcher, Role.Technician], true],
    [[Role.Admin, Role.Inspector], true],
    [[], false],
  ])('%j → %s', (roles, expected) => {
    expect(canBeAssigned(roles)).toBe(expected);
  });
});
