import {
  type IndicatorFrequency,
  IndicatorInput,
  type Locale,
  PartnerInput,
  parseNumberInput,
  type StakeholderKind,
} from '@atelier/shared';

/** What is typed in the form that adds a partner (the kind is chosen, and kept for the next one). */
export interface PartnerDraft {
  name: string;
  role: string;
  contact: string;
}

/** What is typed in the form that adds an indicator (the frequency is chosen, and kept). */
export interface IndicatorDraft {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  source: string;
}

/**
 * The partner to add, or `null` with the fields to mark: only the name can be wrong (the
 * other fields are bounded by the inputs' `maxLength`), so a refusal marks the name.
 */
export function checkNewPartner(
  action: string,
  draft: PartnerDraft,
  kind: StakeholderKind,
): { input: PartnerInput | null; errors: { name: boolean } } {
  const parsed = PartnerInput.safeParse({ action, ...draft, kind });
  return { input: parsed.success ? parsed.data : null, errors: { name: !parsed.success } };
}

/**
 * The indicator to add, or `null` with the fields to mark: a missing or too long name, a
 * baseline or target that is not a number the locale's way (empty is fine: none yet). `reference`
 * is the CRTE indicator it was picked from, if any.
 */
export function checkNewIndicator(
  locale: Locale,
  action: string,
  draft: IndicatorDraft,
  frequency: IndicatorFrequency,
  reference: string | null = null,
): { input: IndicatorInput | null; errors: { name: boolean; baseline: boolean; target: boolean } } {
  const baseline = parseNumberInput(locale, draft.baseline);
  const target = parseNumberInput(locale, draft.target);
  const parsed = IndicatorInput.safeParse({
    action,
    name: draft.name,
    unit: draft.unit,
    source: draft.source,
    baseline: baseline ?? null,
    target: target ?? null,
    frequency,
    reference,
  });
  const nameOk = IndicatorInput.shape.name.safeParse(draft.name).success;
  const errors = { name: !nameOk, baseline: baseline === undefined, target: target === undefined };
  const ok = parsed.success && baseline !== undefined && target !== undefined;
  return { input: ok ? parsed.data : null, errors };
}
