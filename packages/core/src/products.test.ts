import { describe, expect, it } from 'vitest';
import { ASSESSMENT_TYPES } from './assessment-type.js';
import { apiContract } from './contract.js';
import { PRODUCTS, findProduct, formatPrice, productIdSchema, productSchema, productsCovering } from './products.js';

describe('the products on sale', () => {
  it('are valid products with unique ids', () => {
    for (const product of PRODUCTS) expect(productSchema.parse(product)).toEqual(product);
    expect(new Set(PRODUCTS.map((product) => product.product_id)).size).toBe(PRODUCTS.length);
  });

  it('cover every assessment type', () => {
    for (const type of ASSESSMENT_TYPES) expect(productsCovering(type).length).toBeGreaterThan(0);
  });

  it('are found by id, and checkout takes only their ids', () => {
    expect(findProduct('speaking-pack-3')?.assessment_types).toEqual(['speaking']);
    expect(findProduct('no-such-pack')).toBeUndefined();
    expect(productIdSchema.safeParse('writing-pack-5').success).toBe(true);
    const refused = apiContract.purchases.checkout.body.safeParse({ product_id: 'free-everything' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('writing-pack-5');
  });

  it('lists the cheapest pack for a type first', () => {
    const prices = productsCovering('listening').map((product) => product.price.amount);
    expect(prices).toEqual([...prices].sort((left, right) => left - right));
  });
});

describe('formatPrice', () => {
  it('reads minor units by the currency’s digits', () => {
    expect(formatPrice({ amount: 999, currency: 'gbp' })).toBe('£9.99');
    expect(formatPrice({ amount: 2499, currency: 'usd' }, 'en-US')).toBe('$24.99');
    expect(formatPrice({ amount: 1500, currency: 'jpy' }, 'en-US')).toBe('¥1,500');
  });
});
