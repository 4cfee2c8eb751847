import { mapFeatureKindSchema } from '@ielts-genai-prep/core';
import { describe, expect, it } from 'vitest';
import { MAP_FEATURE_STYLES } from './map-feature-styles.js';

describe('MAP_FEATURE_STYLES', () => {
  it('paints every kind of feature core allows, and no other', () => {
    expect(Object.keys(MAP_FEATURE_STYLES).sort()).toEqual([...mapFeatureKindSchema.options].sort());
  });

  it('gives every kind a colour of its own, so no two kinds look alike', () => {
    const paints = Object.values(MAP_FEATURE_STYLES).map((style) => `${style.fill} ${style.stroke}`);
    expect(new Set(paints).size).toBe(paints.length);
  });
});
