import { describe, expect, it } from 'vitest';
import { emptyOfferForm, formToCreateOffer, offerFormErrors, stockPercent } from './offerForm';

describe('the offer form', () => {
  const form = { ...emptyOfferForm(['s1']), title: 'Latte', validFrom: '2026-12-01T10:00', validUntil: '2026-12-08T22:00', tiers: 'Gold， Core fan', facts: '' };

  it('sends validity as instants of the brand zone and lists from comma text', () => {
    expect(formToCreateOffer(form, 'demo-brand', 'Asia/Shanghai')).toEqual({
      brandId: 'demo-brand',
      type: 'DISCOUNT_COUPON',
      title: 'Latte',
      description: null,
      validFrom: '2026-12-01T02:00:00Z',
      validUntil: '2026-12-08T14:00:00Z',
      redeemableStoreIds: ['s1'],
      totalStock: 100,
      perMemberLimit: 1,
      pointsPrice: 0,
      eligibility: { tiers: ['Gold', 'Core fan'], facts: [] },
    });
  });

  it('asks for a points price and an attended-event fact where the type needs them', () => {
    expect(offerFormErrors({ ...form, type: 'POINTS_REWARD' })).toEqual({ pointsPrice: 'admin.offers.priceNeeded' });
    expect(offerFormErrors({ ...form, type: 'EVENT_EXCLUSIVE' })).toEqual({ facts: 'admin.offers.eventFactNeeded' });
    expect(offerFormErrors({ ...form, type: 'EVENT_EXCLUSIVE', facts: 'attended-event:e1' })).toEqual({});
    expect(offerFormErrors({ ...form, storeIds: [], validUntil: form.validFrom })).toEqual({ storeIds: 'admin.offers.pickStore', validUntil: 'admin.offers.untilAfterFrom' });
  });

  it('shows the remaining stock as a share', () => {
    expect(stockPercent({ remainingStock: 25, totalStock: 100 })).toBe(25);
    expect(stockPercent({ remainingStock: 0, totalStock: 0 })).toBe(0);
  });
});
