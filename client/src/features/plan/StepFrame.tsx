import type { ReactNode } from 'react';
import { useT } from '../../i18n/locale';
import { useBoard, useCanEdit } from '../../state/store';
import { Icon } from '../../ui/Icon';
import { IconButton } from '../../ui/IconButton';
import type { BoardCommands } from '../board/useCommands';

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
  const t = useT();
  const editable = useCanEdit();
  const canUndo = useBoard((s) => s.history.canUndo);
  const canRedo = useBoard((s) => s.history.canRedo);
  return (
    <div className="plan-step" data-testid={testId}>
      <header className="plan-step__head">
        <div className="plan-step__heading">
          <h1 className="plan-step__title">{title}</h1>
          <p className="plan-step__intro">{intro}</p>
        </div>
        {tools}
        {editable && (
          <div className="plan-step__history">
            <IconButton
              testId="plan.undo"
              label={t('toolbar.undo')}
              aria-keyshortcuts="Control+Z Meta+Z"
              disabled={!canUndo}
              onClick={() => commands.undo()}
            >
              <Icon name="undo" />
            </IconButton>
            <IconButton
              testId="plan.redo"
              label={t('toolbar.redo')}
              aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
              disabled={!canRedo}
              onClick={() => commands.redo()}
            >
              <Icon name="redo" />
            </IconButton>
          </div>
        )}
      </header>
      {children}
    </div>
  );
}
