import type {
  ActionPriority,
  ActionStatus,
  IndicatorFrequency,
  ProcessStatus,
  ProcessStep,
  StakeholderKind,
} from '@atelier/shared';
import type { MessageKey } from '../../../i18n/translate';

/** The words of steps 5 and 6, by value (French: see the glossary). */
export const kindKey = (kind: StakeholderKind): MessageKey => `plan.kind.${kind}` as const;
export const frequencyKey = (frequency: IndicatorFrequency): MessageKey =>
  `plan.frequency.${frequency}` as const;
export const stepKey = (step: ProcessStep): MessageKey => `plan.process.step.${step}` as const;
export const processStatusKey = (status: ProcessStatus): MessageKey =>
  `plan.process.status.${status}` as const;
export const sheetStatusKey = (status: ActionStatus): MessageKey => `plan.status.${status}` as const;
export const priorityKey = (priority: ActionPriority): MessageKey => `plan.priority.${priority}` as const;
