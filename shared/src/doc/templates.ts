import { z } from 'zod';
import { STEPS, type Step } from '../schema/enums';
import { DEFAULT_THEMES, type Theme } from './themes';

/**
 * Workshop templates: which of the method's steps a workshop walks through, and the themes
 * it starts with. Chosen when the workshop is created (the facilitator edits themes later).
 */
export const WORKSHOP_TEMPLATES = ['full', 'assessment', 'sprint'] as const;
export const WorkshopTemplate = z.enum(WORKSHOP_TEMPLATES);
export type WorkshopTemplate = z.infer<typeof WorkshopTemplate>;

export interface TemplateContent {
  steps: readonly Step[];
  themes: readonly Theme[];
}

export const TEMPLATE_CONTENT: Readonly<Record<WorkshopTemplate, TemplateContent>> = {
  /** The whole journey, from the assessment to the indicators. */
  full: { steps: STEPS, themes: DEFAULT_THEMES },
  /** A first session: observations by theme, then the priority issues they point to. */
  assessment: { steps: ['assessment', 'issues'], themes: DEFAULT_THEMES },
  /**
   * A session on an assessment done elsewhere: axes, sheets, partners and indicators. No
   * notes are posted, so no themes.
   */
  sprint: { steps: ['axes', 'actions', 'partnerships', 'monitoring'], themes: [] },
};

/** A workshop's steps as stored: known steps, in the method's order, at least one (all of them otherwise). */
export function normaliseSteps(value: unknown): Step[] {
  if (!Array.isArray(value)) return [...STEPS];
  const steps = STEPS.filter((step) => value.includes(step));
  return steps.length > 0 ? steps : [...STEPS];
}
