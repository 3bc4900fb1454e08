import type { Step } from '@atelier/shared';
import type { RefObject } from 'react';
import { useShownStep } from '../../state/store';
import { ActionsStep } from '../actions/ActionsStep';
import { AxesStep } from '../axes/AxesStep';
import { Canvas } from '../board/Canvas';
import { Toolbar } from '../board/Toolbar';
import type { BoardCommands } from '../board/useCommands';
import { IssuesStep } from '../issues/IssuesStep';
import { MonitoringStep } from '../plan/MonitoringStep';
import { PartnershipsStep } from '../plan/PartnershipsStep';

interface Props {
  commands: BoardCommands;
  /** Board point under the pointer, for the N shortcut. */
  pointerRef: RefObject<{ x: number; y: number } | null>;
}

/**
 * The main area: the view of the step this person sees (the room's, see `shownStep`). Each
 * step's view lives in its own feature folder; the assessment is the board of notes.
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
    // Steps whose own view is not built yet show the board of notes.
    case 'axes':
      return <AxesStep commands={commands} />;
    case 'actions':
      return <ActionsStep />;
    case 'assessment':
      return (
        <>
          <Canvas commands={commands} pointerRef={pointerRef} />
          <Toolbar commands={commands} />
        </>
      );
  }
}
