import { type RefObject, useEffect, useRef } from 'react';
import { viewStore } from '../../state/view';
import { panBy, zoomAt, zoomBy } from './geometry';

/** Elements a pan gesture must not start from (notes, their menus, toolbars). */
const NO_PAN = '.note, .theme-picker, button, input, textarea, select, a';

/**
 * Pan and zoom of the board canvas:
 * - drag the empty background (or anything, while Space is held; or with the middle button) to pan;
 * - Ctrl/⌘ + wheel (and trackpad pinch, which browsers report as Ctrl + wheel) zooms around the pointer;
 * - plain wheel pans; two fingers on a touch screen pinch-zoom and pan.
 * Returns whether the last pointer gesture moved (so a click on the background can deselect).
 */
export function usePanZoom(canvasRef: RefObject<HTMLElement | null>): RefObject<boolean> {
  const moved = useRef(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const state = viewStore.getState;
    const local = (event: { clientX: number; clientY: number }) => {
      const rect = canvas.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };

    let spaceHeld = false;
    const pointers = new Map<number, { x: number; y: number }>();
    let panning: { pointerId: number; last: { x: number; y: number } } | null = null;
    let pinch: { distance: number; mid: { x: number; y: number } } | null = null;

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const viewport = state().viewport;
      if (event.ctrlKey || event.metaKey) {
        const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015));
        state().setViewport(zoomBy(viewport, local(event), factor));
      } else {
        const scale = event.deltaMode === 1 ? 16 : 1;
        const dx = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
        const dy = event.shiftKey && event.deltaX === 0 ? 0 : event.deltaY;
        state().setViewport(panBy(viewport, -dx * scale, -dy * scale));
      }
    };

    const pinchInfo = () => {
      const [a, b] = [...pointers.values()];
      if (!a || !b) return null;
      return { distance: Math.hypot(a.x - b.x, a.y - b.y), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
    };

    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element;
      const fromEmpty = !target.closest(NO_PAN);
      if (event.pointerType === 'touch') {
        if (!fromEmpty && pointers.size === 0) return;
        pointers.set(event.pointerId, local(event));
        if (pointers.size === 2) {
          pinch = pinchInfo();
          panning = null;
          return;
        }
      }
      const wantsPan = (event.button === 0 && (fromEmpty || spaceHeld)) || event.button === 1;
      if (!wantsPan || pointers.size > 1) return;
      if (event.button === 1 || spaceHeld) event.preventDefault();
      moved.current = false;
      panning = { pointerId: event.pointerId, last: local(event) };
      canvas.setPointerCapture(event.pointerId);
      canvas.classList.add('canvas--panning');
    };

    const onPointerMove = (event: PointerEvent) => {
      if (pointers.has(event.pointerId)) pointers.set(event.pointerId, local(event));
      if (pinch && pointers.size === 2) {
        const next = pinchInfo();
        if (!next) return;
        let viewport = panBy(state().viewport, next.mid.x - pinch.mid.x, next.mid.y - pinch.mid.y);
        viewport = zoomAt(viewport, next.mid, viewport.zoom * (next.distance / Math.max(1, pinch.distance)));
        state().setViewport(viewport);
        pinch = next;
        moved.current = true;
        return;
      }
      if (!panning || panning.pointerId !== event.pointerId) return;
      const point = local(event);
      const dx = point.x - panning.last.x;
      const dy = point.y - panning.last.y;
      if (dx === 0 && dy === 0) return;
      if (Math.abs(dx) + Math.abs(dy) > 1) moved.current = true;
      panning.last = point;
      state().setViewport(panBy(state().viewport, dx, dy));
    };

    const onPointerUp = (event: PointerEvent) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = null;
      if (panning?.pointerId === event.pointerId) {
        panning = null;
        canvas.classList.remove('canvas--panning');
        if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
      }
    };

    const isTyping = (target: EventTarget | null) =>
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    const onKeyDown = (event: KeyboardEvent) => {
      // Space pans only when no control has focus (on a note, Space picks it up to move it).
      if (event.code !== 'Space' || isTyping(event.target)) return;
      const active = document.activeElement;
      if (active && active !== document.body && active.closest('.note, button, [role="menu"]')) return;
      event.preventDefault();
      if (!spaceHeld) {
        spaceHeld = true;
        canvas.classList.add('canvas--space');
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.code !== 'Space') return;
      spaceHeld = false;
      canvas.classList.remove('canvas--space');
    };
    const onBlur = () => {
      spaceHeld = false;
      canvas.classList.remove('canvas--space');
    };

    canvas.addEventListener('wheel', onWheel, { passive: false });
    canvas.addEventListener('pointerdown', onPointerDown);
    canvas.addEventListener('pointermove', onPointerMove);
    canvas.addEventListener('pointerup', onPointerUp);
    canvas.addEventListener('pointercancel', onPointerUp);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      canvas.removeEventListener('wheel', onWheel);
      canvas.removeEventListener('pointerdown', onPointerDown);
      canvas.removeEventListener('pointermove', onPointerMove);
      canvas.removeEventListener('pointerup', onPointerUp);
      canvas.removeEventListener('pointercancel', onPointerUp);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, [canvasRef]);

  return moved;
}

/** Whether Space-panning is on: a note drag must not start then. */
export function isSpacePanning(): boolean {
  return document.querySelector('.canvas--space') !== null;
}
