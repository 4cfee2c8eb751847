import { describe, expect, it } from 'vitest';
import { displayNameSchema, MAX_DISPLAY_NAME_LENGTH } from './user.js';
import { contentReportTargetSchema } from './content-report.js';

describe('display names', () => {
  it('keeps names in any script, trimmed', () => {
    for (const name of ['Ana', 'José Ñúñez', '李小龍', 'محمد', "O'Brien-Smith", 'Zoë 🙂']) {
      expect(displayNameSchema.parse(`  ${name} `)).toBe(name);
    }
  });

  it('refuses control, bidi, tag and zero-width characters', () => {
    const hidden = {
      CRLF: 'Ana\r\nAdmin',
      NUL: 'Ana\u0000',
      'right-to-left override': 'Ana\u202Egnp.exe',
      isolate: 'Ana\u2066x\u2069',
      'zero-width space': 'A\u200Bna',
      'zero-width joiner': 'A\u200Dna',
      'byte order mark': '\uFEFFAna',
      'tag character': 'Ana\u{E0041}',
      'line separator': 'Ana\u2028Bob',
    };
    for (const [label, name] of Object.entries(hidden)) {
      const result = displayNameSchema.safeParse(name);
      expect(result.success, label).toBe(false);
      expect(result.error?.issues[0]?.message, label).toBe('must not contain control, bidi, tag or zero-width characters');
    }
  });

  it('caps the length and refuses a blank name', () => {
    expect(displayNameSchema.safeParse('x'.repeat(MAX_DISPLAY_NAME_LENGTH)).success).toBe(true);
    expect(displayNameSchema.safeParse('x'.repeat(MAX_DISPLAY_NAME_LENGTH + 1)).success).toBe(false);
    expect(displayNameSchema.safeParse('   ').success).toBe(false);
  });
});

describe('content report targets', () => {
  it('refuse unknown keys instead of dropping them', () => {
    const result = contentReportTargetSchema.safeParse({ kind: 'question', id: 'q-1', owner: 'someone-else' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});
