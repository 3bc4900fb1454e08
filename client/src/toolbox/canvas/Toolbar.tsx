import { useT } from '../../i18n/locale';
import { useCanEdit } from '../../state/store';
import { useView, viewStore } from '../../state/view';
import { Icon } from '../../ui/Icon';
import { IconButton } from '../../ui/IconButton';
import { HistoryButtons } from '../commands/HistoryButtons';
import type { BoardCommands } from '../commands/useCommands';
import { FilterMenu } from '../notes/FilterMenu';
import { fitToContent } from './fitToContent';
import { zoomBy } from './geometry';

const ZOOM_STEP = 1.25;

function zoomAroundCentre(factor: number): void {
  const { viewport, canvasSize, setViewport } = viewStore.getState();
  setViewport(zoomBy(viewport, { x: canvasSize.width / 2, y: canvasSize.height / 2 }, factor));
}

/** Add, undo/redo, and zoom controls floating over the board. */
export function Toolbar({ commands }: { commands: BoardCommands }) {
  const t = useT();
  const editable = useCanEdit();
  const zoom = useView((s) => s.viewport.zoom);
  return (
    <div className="toolbar" role="toolbar" aria-label={t('board.toolbar')}>
      {editable && (
        <>
          <button
            type="button"
            className="button button--primary"
            data-testid="board.add-note"
            title={t('board.addNoteLabel')}
            aria-keyshortcuts="N"
            onClick={() => commands.addNote()}
          >
            {t('board.addNote')}
          </button>
          <span className="toolbar__sep" aria-hidden="true" />
          <HistoryButtons commands={commands} testIdPrefix="toolbar" />
          <span className="toolbar__sep" aria-hidden="true" />
        </>
      )}
      <IconButton
        testId="board.zoom-out"
        label={t('board.zoomOut')}
        onClick={() => zoomAroundCentre(1 / ZOOM_STEP)}
      >
        <Icon name="minus" />
      </IconButton>
      <output className="toolbar__zoom" aria-label={t('board.zoomLevel')} data-testid="board.zoom-level">
        {Math.round(zoom * 100)} %
      </output>
      <IconButton
        testId="board.zoom-in"
        label={t('board.zoomIn')}
        onClick={() => zoomAroundCentre(ZOOM_STEP)}
      >
        <Icon name="plus" />
      </IconButton>
      <IconButton testId="board.zoom-fit" label={t('board.zoomFit')} onClick={() => fitToContent()}>
        <Icon name="fit" />
      </IconButton>
      <span className="toolbar__sep" aria-hidden="true" />
      <FilterMenu />
    </div>
  );
}
