import { describe, expect, it } from 'vitest';
import { formatRegistrationNo } from '@/utils/documents/registration-number';

describe('registration numbers', () => {
  it('uses the 收〔YYYY〕NNNN号 form by default', () => {
    expect(formatRegistrationNo(2026, 123)).toBe('收〔2026〕0123号');
    expect(formatRegistrationNo(2026, 1)).toBe('收〔2026〕0001号');
  });

  it('keeps counting past the padding width instead of wrapping', () => {
    expect(formatRegistrationNo(2026, 12345)).toBe('收〔2026〕12345号');
  });

  it('follows an office-specific template', () => {
    expect(formatRegistrationNo(2027, 7, '办收〔{YYYY}〕第{NNN}号')).toBe('办收〔2027〕第007号');
  });

  it('refuses a sequence that is not a positive whole number', () => {
    expect(() => formatRegistrationNo(2026, 0)).toThrow(RangeError);
    expect(() => formatRegistrationNo(2026, 1.5)).toThrow(RangeError);
  });
});
