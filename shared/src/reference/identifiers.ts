import { z } from 'zod';

/*
 * The French public sector's identifiers an export names (issue 20 §3), checked as INSEE
 * publishes them: a SIREN (9 digits) and a SIRET (SIREN + 5 digits) carry a Luhn key; La Poste's
 * establishments (SIREN 356 000 000) may instead have the sum of their digits a multiple of 5. A commune's INSEE code is 5 characters, Corsica's starting 2A or 2B.
 */

const LA_POSTE_SIREN = '356000000';

/** Luhn: doubling every second digit from the right, the sum is a multiple of 10. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhn(value);
}

export function isSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (luhn(value)) return true;
  // La Poste's head office (…00048) passes Luhn; its other establishments this rule.
  return value.startsWith(LA_POSTE_SIREN) && [...value].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
}

/** A commune's INSEE code (code officiel géographique): 5 digits, or 2A/2B and 3 digits in Corsica. */
export function isInseeCommune(value: string): boolean {
  return /^(\d{5}|2[AB]\d{3})$/.test(value);
}

export const Siret = z.string().refine(isSiret, 'A SIRET is 14 digits with a valid check key');
export const Siren = z.string().refine(isSiren, 'A SIREN is 9 digits with a valid check key');
export const InseeCommune = z
  .string()
  .refine(isInseeCommune, 'A commune’s INSEE code is 5 characters (2A/2B for Corsica)');
