import type { ReactNode } from 'react';
import { useCanEdit } from '../../../state/store';
import { HistoryButtons } from '../../../toolbox/commands/HistoryButtons';
import type { BoardCommands } from '../../../toolbox/commands/useCommands';

interface Props {
  title: string;
  intro: string;
  commands: Pick<BoardCommands, 'undo' | 'redo'>;
  /** Beside the title (e.g. the view switch). */
  tools?: ReactNode;
  testId: string;
  children: ReactNode;
}

/** The frame of steps 5 and 6: the step's name and purpose, undo/redo for those who edit, and the content. */
export function StepFrame({ title, intro, commands, tools, testId, children }: Props) {
  const editable = useCanEdit();
  return (
    <div className="plan-step" data-testid={testId}>
      <header className="plan-step__head step-head">
        <div className="plan-step__heading">
          <h1 className="plan-step__title">{title}</h1>
          <p className="plan-step__intro">{intro}</p>
        </div>
        {tools}
        {editable && (
          <div className="plan-step__history">
            <HistoryButtons commands={commands} testIdPrefix="plan" />
          </div>
        )}
      </header>
      {children}
    </div>
  );
}
