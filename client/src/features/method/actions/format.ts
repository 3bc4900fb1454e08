import { Euros, type Locale, parseAmount } from '@atelier/shared';
import type { MessageKey } from '../../../i18n/translate';

export type AmountProblem = 'required' | 'notNumber' | 'negative' | 'tooLarge';

/** The message shown under an amount field for each problem. */
export const amountMessage: Record<AmountProblem, MessageKey> = {
  required: 'sheet.error.required',
  notNumber: 'sheet.error.notNumber',
  negative: 'sheet.error.negative',
  tooLarge: 'sheet.error.tooLarge',
};

/** Checks a typed amount like the commands do (`Euros`), naming the problem for the message. */
export function checkAmount(
  input: string,
  locale: Locale,
  optional: boolean,
): { ok: true; value: number | null } | { ok: false; problem: AmountProblem } {
  const value = parseAmount(input, locale);
  if (value === null) return optional ? { ok: true, value: null } : { ok: false, problem: 'required' };
  if (Number.isNaN(value)) return { ok: false, problem: 'notNumber' };
  if (value < 0) return { ok: false, problem: 'negative' };
  const parsed = Euros.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: 'tooLarge' };
}
