import { describe, expect, it } from 'vitest';
import type { LoyaltySettingsResponse } from '@/api/adminBrand';
import { adjustFormErrors, formToSettings, loyaltyFormErrors, nextTier, settingsToForm } from './loyaltyForm';

const settings: LoyaltySettingsResponse = {
  brandId: 'b',
  custom: false,
  activityPoints: { CLUB_JOIN: 50, CHECK_IN: 20, FIRST_POST: 10, REFERRAL_REFERRER: 100, REFERRAL_REFEREE: 30 },
  pointsPerCurrencyUnit: 1,
  currency: 'CNY',
  expiryMonths: 12,
  tierWindowMonths: 12,
  tierGraceDays: 30,
  tiers: [
    { name: 'Fan', threshold: 0, multiplier: 1 },
    { name: 'Core fan', threshold: 500, multiplier: 1.2 },
    { name: 'Ambassador', threshold: 2000, multiplier: 1.5 },
  ],
};

describe('loyalty rules form', () => {
  it('round-trips the settings the service gave', () => {
    const form = settingsToForm(settings);
    expect(loyaltyFormErrors(form)).toEqual({});
    const { brandId: _b, custom: _c, ...sent } = settings;
    expect(formToSettings(form)).toEqual(sent);
  });

  it('needs the first threshold to be 0 and every next one higher, as the server', () => {
    const form = settingsToForm(settings);
    form.tiers[0]!.threshold = 10;
    form.tiers[2]!.threshold = 500;
    const errors = loyaltyFormErrors(form);
    expect(errors['tiers.0.threshold']).toBe('admin.loyalty.firstThresholdZero');
    expect(errors['tiers.2.threshold']).toBe('admin.loyalty.thresholdRises');
    expect(errors['tiers.1.threshold']).toBeUndefined();
  });

  it('refuses duplicate or odd tier names, multipliers outside 1–10 and more than two decimals', () => {
    const form = settingsToForm(settings);
    form.tiers[1]!.name = 'Fan';
    form.tiers[2]!.multiplier = 10.5;
    form.pointsPerCurrencyUnit = 1.234;
    const errors = loyaltyFormErrors(form);
    expect(errors['tiers.1.name']).toBe('admin.loyalty.tierNameTwice');
    expect(errors['tiers.2.multiplier']).toBe('admin.loyalty.multiplierRange');
    expect(errors.pointsPerCurrencyUnit).toBe('admin.loyalty.rateRange');
    expect(loyaltyFormErrors({ ...settingsToForm(settings), tiers: [{ name: '*', threshold: 0, multiplier: 1 }] })['tiers.0.name']).toBe(
      'admin.loyalty.tierNameRule',
    );
  });

  it('checks the ranges of every number and the currency code', () => {
    const form = settingsToForm(settings);
    form.activityPoints.CHECK_IN = -1;
    form.expiryMonths = 0;
    form.tierWindowMonths = 61;
    form.tierGraceDays = '';
    form.currency = 'cny';
    const errors = loyaltyFormErrors(form);
    expect(errors['activity.CHECK_IN']).toBe('admin.loyalty.pointsRange');
    expect(errors.expiryMonths).toBe('admin.loyalty.expiryRange');
    expect(errors.tierWindowMonths).toBe('admin.loyalty.windowRange');
    expect(errors.tierGraceDays).toBe('admin.loyalty.graceRange');
    expect(errors.currency).toBe('admin.loyalty.currencyRule');
    expect(loyaltyFormErrors({ ...form, tiers: [] }).tiers).toBe('admin.loyalty.oneTier');
  });

  it('adds a rung above the top one that passes the ladder check once named', () => {
    const form = settingsToForm(settings);
    form.tiers.push({ ...nextTier(form.tiers), name: 'Legend' });
    expect(form.tiers.at(-1)!.threshold).toBe(4000);
    expect(loyaltyFormErrors(form)).toEqual({});
    expect(nextTier([])).toEqual({ name: '', threshold: 0, multiplier: 1 });
  });
});

describe('points adjustment', () => {
  it('needs a non-zero whole number and a reason', () => {
    expect(adjustFormErrors({ points: 50, reason: 'Goodwill for a late order' })).toEqual({});
    expect(adjustFormErrors({ points: -20, reason: 'Duplicate check-in' })).toEqual({});
    expect(adjustFormErrors({ points: 0, reason: 'x' }).points).toBe('admin.loyalty.adjustPointsRule');
    expect(adjustFormErrors({ points: 1.5, reason: 'x' }).points).toBe('admin.loyalty.adjustPointsRule');
    expect(adjustFormErrors({ points: '', reason: 'x' }).points).toBe('admin.loyalty.adjustPointsRule');
    expect(adjustFormErrors({ points: 10, reason: '   ' }).reason).toBe('admin.loyalty.reasonRequired');
  });
});
