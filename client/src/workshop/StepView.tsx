import type { Step } from '@atelier/shared';
import type { RefObject } from 'react';
import { ActionsStep } from '../features/method/actions/ActionsStep';
import { AssessmentStep } from '../features/method/assessment/AssessmentStep';
import { AxesStep } from '../features/method/axes/AxesStep';
import { IssuesStep } from '../features/method/issues/IssuesStep';
import { MonitoringStep } from '../features/method/plan/MonitoringStep';
import { PartnershipsStep } from '../features/method/plan/PartnershipsStep';
import { useShownStep } from '../state/store';
import type { BoardCommands } from '../toolbox/commands/useCommands';

interface Props {
  commands: BoardCommands;
  /** Board point under the pointer, for the N shortcut. */
  pointerRef: RefObject<{ x: number; y: number } | null>;
}

/**
 * The main area: the view of the step this person sees (the room's, see `shownStep`). Each
 * step's view is a feature of `features/method/`.
 */
export function StepView({ commands, pointerRef }: Props) {
  const step: Step = useShownStep();
  switch (step) {
    case 'issues':
      return <IssuesStep commands={commands} pointerRef={pointerRef} />;
    case 'partnerships':
      return <PartnershipsStep commands={commands} />;
    case 'monitoring':
      return <MonitoringStep commands={commands} />;
    case 'axes':
      return <AxesStep commands={commands} />;
    case 'actions':
      return <ActionsStep />;
    case 'assessment':
      return <AssessmentStep commands={commands} pointerRef={pointerRef} />;
  }
}
