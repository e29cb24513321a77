import { Role } from '../access/role';
import { isPromotion } from './role-rank';

describe(isPromotion.name, () => {
  it('ranks customer below support below admin', () => {
    expect(isPromotion(Role.Customer, Role.Support)).toBe(true);
    expect(isPromotion(Role.Support, Role.Admin)).toBe(true);
    expect(isPromotion(Role.Customer, Role.Admin)).toBe(true);
  });

  it('does not count keeping or lowering a role', () => {
    expect(isPromotion(Role.Admin, Role.Admin)).toBe(false);
    expect(isPromotion(Role.Admin, Role.Customer)).toBe(false);
    expect(isPromotion(Role.Support, Role.Customer)).toBe(false);
  });
});
