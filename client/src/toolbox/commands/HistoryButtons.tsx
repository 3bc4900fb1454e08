import { useT } from '../../i18n/locale';
import { useBoard } from '../../state/store';
import { Icon } from '../../ui/Icon';
import { IconButton } from '../../ui/IconButton';
import type { BoardCommands } from './useCommands';

/** Undo and redo of the person's own board changes, wherever a step offers them. */
export function HistoryButtons({
  commands,
  testIdPrefix,
}: {
  commands: Pick<BoardCommands, 'undo' | 'redo'>;
  /** `toolbar` gives `toolbar.undo` and `toolbar.redo`. */
  testIdPrefix: string;
}) {
  const t = useT();
  const canUndo = useBoard((s) => s.history.canUndo);
  const canRedo = useBoard((s) => s.history.canRedo);
  return (
    <>
      <IconButton
        testId={`${testIdPrefix}.undo`}
        label={t('toolbar.undo')}
        aria-keyshortcuts="Control+Z Meta+Z"
        disabled={!canUndo}
        onClick={() => commands.undo()}
      >
        <Icon name="undo" />
      </IconButton>
      <IconButton
        testId={`${testIdPrefix}.redo`}
        label={t('toolbar.redo')}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        disabled={!canRedo}
        onClick={() => commands.redo()}
      >
        <Icon name="redo" />
      </IconButton>
    </>
  );
}
