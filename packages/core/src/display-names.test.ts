import { describe, expect, it } from 'vitest';
import { assessmentFlagSchema, providerSchema } from './assessment.js';
import { ASSESSMENT_TYPES, SKILLS } from './assessment-type.js';
import { ASSESSMENT_TYPE_NAMES, FLAG_DESCRIPTIONS, PROVIDER_NAMES, SKILL_NAMES, formatBand } from './display-names.js';

describe('display names', () => {
  it('name every assessment type, skill, flag and provider, each differently', () => {
    const named = <Key extends string>(keys: readonly Key[], names: Readonly<Record<Key, string>>) => {
      expect(Object.keys(names).sort()).toEqual([...keys].sort());
      expect(new Set(keys.map((key) => names[key])).size).toBe(keys.length);
      for (const key of keys) expect(names[key].trim(), key).not.toBe('');
    };
    named(ASSESSMENT_TYPES, ASSESSMENT_TYPE_NAMES);
    named(SKILLS, SKILL_NAMES);
    named(providerSchema.options, PROVIDER_NAMES);
    named(
      assessmentFlagSchema.options,
      Object.fromEntries(Object.entries(FLAG_DESCRIPTIONS).map(([flag, text]) => [flag, text.title])) as Record<
        (typeof assessmentFlagSchema.options)[number],
        string
      >,
    );
  });

  it('describe every flag in a sentence a learner can read', () => {
    for (const [flag, { description }] of Object.entries(FLAG_DESCRIPTIONS)) expect(description, flag).toMatch(/^[A-Z].*\.$/);
  });

  it('write bands as IELTS does, and a dash for none', () => {
    expect([formatBand(6.5), formatBand(7), formatBand(9), formatBand(null), formatBand(undefined)]).toEqual([
      '6.5',
      '7.0',
      '9.0',
      '–',
      '–',
    ]);
  });
});
