import type { RefObject } from 'react';
import { Canvas } from '../../../toolbox/canvas/Canvas';
import { Toolbar } from '../../../toolbox/canvas/Toolbar';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';
import { TableFrames } from '../../facilitation/tables/plenary/TableFrames';

interface Props {
  commands: BoardCommands;
  /** Board point under the pointer, for the N shortcut. */
  pointerRef: RefObject<{ x: number; y: number } | null>;
}

/** Step 1, the assessment: the board of notes (framed by table in plenary) and its toolbar. */
export function AssessmentStep({ commands, pointerRef }: Props) {
  return (
    <>
      <Canvas commands={commands} pointerRef={pointerRef} underlay={<TableFrames />} />
      <Toolbar commands={commands} />
    </>
  );
}
