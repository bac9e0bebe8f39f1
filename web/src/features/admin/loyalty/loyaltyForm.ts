import type { Activity, LoyaltySettings, LoyaltySettingsResponse, TierRule } from '@/api/adminBrand';

// The loyalty rules form and the manual adjustment, checked the way offer-service checks them
// (SettingsRequest, BrandSettingsController.checkLadder, AdjustmentRequest), so a person sees which
// field to fix before anything is sent. The service checks again.

export const ACTIVITIES: Activity[] = ['CLUB_JOIN', 'CHECK_IN', 'FIRST_POST', 'REFERRAL_REFERRER', 'REFERRAL_REFEREE'];

export interface TierRow {
  name: string;
  threshold: number | '';
  multiplier: number | '';
}

export interface LoyaltyForm {
  activityPoints: Record<Activity, number | ''>;
  pointsPerCurrencyUnit: number | '';
  currency: string;
  expiryMonths: number | '';
  tierWindowMonths: number | '';
  tierGraceDays: number | '';
  tiers: TierRow[];
}

/** Field errors as message keys; tier rows by index (`tiers.1.threshold`). */
export type LoyaltyErrors = Record<string, string>;

const TIER_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;

export function settingsToForm(settings: LoyaltySettingsResponse): LoyaltyForm {
  const activityPoints = {} as Record<Activity, number | ''>;
  for (const activity of ACTIVITIES) activityPoints[activity] = settings.activityPoints[activity] ?? 0;
  return {
    activityPoints,
    pointsPerCurrencyUnit: Number(settings.pointsPerCurrencyUnit),
    currency: settings.currency,
    expiryMonths: settings.expiryMonths,
    tierWindowMonths: settings.tierWindowMonths,
    tierGraceDays: settings.tierGraceDays,
    tiers: settings.tiers.map((tier) => ({ name: tier.name, threshold: tier.threshold, multiplier: Number(tier.multiplier) })),
  };
}

const whole = (value: number | '', min: number, max: number) =>
  value !== '' && Number.isInteger(value) && value >= min && value <= max;
const decimals = (value: number, places: number) => Math.abs(Math.round(value * 10 ** places) - value * 10 ** places) < 1e-6;

export function loyaltyFormErrors(form: LoyaltyForm): LoyaltyErrors {
  const errors: LoyaltyErrors = {};
  for (const activity of ACTIVITIES) {
    if (!whole(form.activityPoints[activity], 0, 100_000)) errors[`activity.${activity}`] = 'admin.loyalty.pointsRange';
  }
  const rate = form.pointsPerCurrencyUnit;
  if (rate === '' || !(rate >= 0 && rate <= 1000) || !decimals(rate, 2)) errors.pointsPerCurrencyUnit = 'admin.loyalty.rateRange';
  if (!/^[A-Z]{3}$/.test(form.currency)) errors.currency = 'admin.loyalty.currencyRule';
  if (!whole(form.expiryMonths, 1, 120)) errors.expiryMonths = 'admin.loyalty.expiryRange';
  if (!whole(form.tierWindowMonths, 1, 60)) errors.tierWindowMonths = 'admin.loyalty.windowRange';
  if (!whole(form.tierGraceDays, 0, 365)) errors.tierGraceDays = 'admin.loyalty.graceRange';
  if (form.tiers.length === 0) errors.tiers = 'admin.loyalty.oneTier';
  if (form.tiers.length > 10) errors.tiers = 'admin.loyalty.tenTiers';
  const names = new Set<string>();
  form.tiers.forEach((tier, i) => {
    const name = tier.name.trim();
    if (!name || name.length > 40 || !TIER_NAME.test(name)) errors[`tiers.${i}.name`] = 'admin.loyalty.tierNameRule';
    else if (names.has(name)) errors[`tiers.${i}.name`] = 'admin.loyalty.tierNameTwice';
    names.add(name);
    if (!whole(tier.threshold, 0, 1_000_000_000)) errors[`tiers.${i}.threshold`] = 'admin.loyalty.thresholdRange';
    else if (i === 0 && tier.threshold !== 0) errors[`tiers.${i}.threshold`] = 'admin.loyalty.firstThresholdZero';
    else if (i > 0) {
      const previous = form.tiers[i - 1]!.threshold;
      if (previous !== '' && Number(tier.threshold) <= previous) errors[`tiers.${i}.threshold`] = 'admin.loyalty.thresholdRises';
    }
    const m = tier.multiplier;
    if (m === '' || !(m >= 1 && m <= 10) || !decimals(m, 2)) errors[`tiers.${i}.multiplier`] = 'admin.loyalty.multiplierRange';
  });
  return errors;
}

export function formToSettings(form: LoyaltyForm): LoyaltySettings {
  const activityPoints = {} as Record<Activity, number>;
  for (const activity of ACTIVITIES) activityPoints[activity] = Number(form.activityPoints[activity]);
  return {
    activityPoints,
    pointsPerCurrencyUnit: Number(form.pointsPerCurrencyUnit),
    currency: form.currency,
    expiryMonths: Number(form.expiryMonths),
    tierWindowMonths: Number(form.tierWindowMonths),
    tierGraceDays: Number(form.tierGraceDays),
    tiers: form.tiers.map((tier): TierRule => ({ name: tier.name.trim(), threshold: Number(tier.threshold), multiplier: Number(tier.multiplier) })),
  };
}

/** A new rung above the top one: twice its threshold (or 100), the same multiplier. */
export function nextTier(tiers: TierRow[]): TierRow {
  const top = tiers.at(-1);
  const threshold = top && top.threshold !== '' ? Math.max(100, top.threshold * 2) : 0;
  return { name: '', threshold: tiers.length === 0 ? 0 : threshold, multiplier: top?.multiplier || 1 };
}

export interface AdjustForm {
  points: number | '';
  reason: string;
}

export function adjustFormErrors(form: AdjustForm): Partial<Record<keyof AdjustForm, string>> {
  const errors: Partial<Record<keyof AdjustForm, string>> = {};
  if (form.points === '' || !Number.isInteger(form.points) || form.points === 0 || Math.abs(form.points) > 1_000_000)
    errors.points = 'admin.loyalty.adjustPointsRule';
  if (!form.reason.trim()) errors.reason = 'admin.loyalty.reasonRequired';
  else if (form.reason.trim().length > 500) errors.reason = 'admin.brandSettings.tooLong';
  return errors;
}
