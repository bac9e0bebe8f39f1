import type { AdminOffer, CreateOffer, OfferFields } from '@/api/admin';
import type { OfferType } from '@/api/offers';
import { instantToLocal, localToInstant } from '../zonedTime';

export const OFFER_TYPES: OfferType[] = ['DISCOUNT_COUPON', 'GIFT', 'POINTS_REWARD', 'EVENT_EXCLUSIVE'];

/** The offer form as typed: validity as wall-clock times in the brand's zone, lists as comma text. */
export interface OfferForm {
  type: OfferType;
  title: string;
  description: string;
  validFrom: string;
  validUntil: string;
  storeIds: string[];
  totalStock: number;
  perMemberLimit: number;
  pointsPrice: number;
  tiers: string;
  facts: string;
}

export function emptyOfferForm(storeIds: string[] = []): OfferForm {
  return {
    type: 'DISCOUNT_COUPON',
    title: '',
    description: '',
    validFrom: '',
    validUntil: '',
    storeIds,
    totalStock: 100,
    perMemberLimit: 1,
    pointsPrice: 0,
    tiers: '',
    facts: '',
  };
}

const list = (text: string) =>
  text
    .split(/[,，、\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function offerToForm(offer: AdminOffer, timeZone: string): OfferForm {
  return {
    type: offer.type,
    title: offer.title,
    description: offer.description ?? '',
    validFrom: instantToLocal(offer.validFrom, timeZone),
    validUntil: instantToLocal(offer.validUntil, timeZone),
    storeIds: [...offer.redeemableStoreIds],
    totalStock: offer.totalStock,
    perMemberLimit: offer.perMemberLimit,
    pointsPrice: offer.pointsPrice,
    tiers: offer.eligibility.tiers.join(', '),
    facts: offer.eligibility.facts.join(', '),
  };
}

export function offerFormErrors(form: OfferForm): Partial<Record<keyof OfferForm, string>> {
  const errors: Partial<Record<keyof OfferForm, string>> = {};
  if (!form.title.trim()) errors.title = 'admin.form.required';
  if (!form.validFrom) errors.validFrom = 'admin.form.required';
  if (!form.validUntil) errors.validUntil = 'admin.form.required';
  else if (form.validFrom && form.validUntil <= form.validFrom) errors.validUntil = 'admin.offers.untilAfterFrom';
  if (form.storeIds.length === 0) errors.storeIds = 'admin.offers.pickStore';
  if (!(form.totalStock >= 1)) errors.totalStock = 'admin.form.atLeastOne';
  if (!(form.perMemberLimit >= 1)) errors.perMemberLimit = 'admin.form.atLeastOne';
  if (form.type === 'POINTS_REWARD' && !(form.pointsPrice > 0)) errors.pointsPrice = 'admin.offers.priceNeeded';
  if (form.type === 'EVENT_EXCLUSIVE' && !list(form.facts).some((f) => f.startsWith('attended-event:')))
    errors.facts = 'admin.offers.eventFactNeeded';
  return errors;
}

export function formToOfferFields(form: OfferForm, timeZone: string): OfferFields {
  return {
    title: form.title.trim(),
    description: form.description.trim() || null,
    validFrom: localToInstant(form.validFrom, timeZone),
    validUntil: localToInstant(form.validUntil, timeZone),
    redeemableStoreIds: [...form.storeIds],
    totalStock: Number(form.totalStock),
    perMemberLimit: Number(form.perMemberLimit),
    pointsPrice: Number(form.pointsPrice) || 0,
    eligibility: { tiers: list(form.tiers), facts: list(form.facts) },
  };
}

export function formToCreateOffer(form: OfferForm, brandId: string, timeZone: string): CreateOffer {
  return { brandId, type: form.type, ...formToOfferFields(form, timeZone) };
}

/** Share of the stock still there, 0–100, for the live stock bar. */
export function stockPercent(offer: Pick<AdminOffer, 'remainingStock' | 'totalStock'>): number {
  if (offer.totalStock <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((offer.remainingStock / offer.totalStock) * 100)));
}
