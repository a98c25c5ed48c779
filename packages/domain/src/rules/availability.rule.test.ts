import { describe, expect, it } from 'vitest';
import { decideAvailability, type AvailabilityInput } from './availability.rule.ts';

const input = (overrides: Partial<AvailabilityInput> = {}): AvailabilityInput => ({
  salesLicense: 'SALES_PROFESSIONAL',
  roles: ['SALES_PROFESSIONAL'],
  emailIntegrationEnabled: true,
  appInUse: 'SALES_HUB',
  ...overrides,
});

describe('email feature availability', () => {
  it.each(['SALES_PROFESSIONAL', 'SALES_PROFESSIONAL_MANAGER', 'SYSTEM_ADMINISTRATOR'])(
    'is available to %s',
    (role) => {
      expect(decideAvailability(input({ roles: [role] }))).toEqual({ available: true, reasons: [] });
    },
  );

  it('explains a missing licence', () => {
    expect(decideAvailability(input({ salesLicense: 'NONE' }))).toEqual({
      available: false,
      reasons: ['NO_SALES_LICENSE'],
    });
  });

  it('explains a role outside the feature', () => {
    expect(decideAvailability(input({ roles: ['SALESPERSON'] }))).toEqual({
      available: false,
      reasons: ['NO_SUITABLE_ROLE'],
    });
  });

  it('explains the administrator turning the feature off', () => {
    expect(decideAvailability(input({ emailIntegrationEnabled: false })).reasons).toEqual(['FEATURE_TURNED_OFF']);
  });

  it('explains a custom app', () => {
    expect(decideAvailability(input({ appInUse: 'CUSTOM' })).reasons).toEqual(['CUSTOM_APP']);
  });

  it('gives every cause at once', () => {
    expect(
      decideAvailability({ salesLicense: 'NONE', roles: [], emailIntegrationEnabled: false, appInUse: 'CUSTOM' })
        .reasons,
    ).toEqual(['NO_SALES_LICENSE', 'NO_SUITABLE_ROLE', 'FEATURE_TURNED_OFF', 'CUSTOM_APP']);
  });
});
