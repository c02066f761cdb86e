export const DEFAULT_NUMBER_FORMAT = '收〔{YYYY}〕{NNNN}号';

/**
 * Renders a registration number from a template: `{YYYY}` is the year, a run of `N`
 * inside braces is the yearly sequence zero-padded to that many digits.
 */
export function formatRegistrationNo(year: number, sequence: number, template = DEFAULT_NUMBER_FORMAT): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`invalid sequence ${sequence}`);
  return template
    .replace('{YYYY}', String(year))
    .replace(/\{(N+)\}/, (_, digits: string) => String(sequence).padStart(digits.length, '0'));
}
