import { useEffect } from 'react';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard } from '../../../state/store';
import { viewStore } from '../../../state/view';
import { fitToContent } from '../../../toolbox/canvas/fitToContent';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';

/** Opens the projector view: the board for the room's screen. */
export function ProjectorToggle() {
  const t = useT();
  const setProjector = useBoard((s) => s.setProjector);
  return (
    <IconButton label={t('projector.open')} testId="projector.open" onClick={() => setProjector(true)}>
      <Icon name="screen" />
    </IconButton>
  );
}

/** The way out of the projector view, in a corner of the screen (Escape does the same). */
export function ProjectorExit() {
  const t = useT();
  const setProjector = useBoard((s) => s.setProjector);
  return (
    <IconButton
      className="projector-exit"
      label={t('projector.close')}
      testId="projector.close"
      onClick={() => setProjector(false)}
    >
      <Icon name="close" />
    </IconButton>
  );
}

/** On the room's screen a few notes grow to fill it (at 1 they sat in its middle third). */
export const PROJECTOR_MAX_ZOOM = 2.5;
const fitScreen = () => fitToContent(PROJECTOR_MAX_ZOOM);

/**
 * While the projector view is on: the board is fitted to the whole screen, again whenever the
 * screen's size changes (full screen when the browser allows it, the panels closing), and
 * Escape leaves it.
 */
export function useProjectorMode(): boolean {
  const projector = useBoard((s) => s.projector);
  useEffect(() => {
    if (!projector) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') boardStore.getState().setProjector(false);
    };
    window.addEventListener('keydown', onKey);
    // The browser may refuse (no user gesture left, or no full screen here): the view stands anyway.
    document.documentElement.requestFullscreen?.().catch(() => {});
    const fit = requestAnimationFrame(fitScreen);
    const refit = viewStore.subscribe((state, prev) => {
      if (state.canvasSize !== prev.canvasSize) fitScreen();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      cancelAnimationFrame(fit);
      refit();
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [projector]);
  return projector;
}
