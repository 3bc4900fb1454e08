import type { Point } from './notes';

/** A note's size in board units (notes are fixed-size cards, like paper sticky notes). */
export const NOTE_WIDTH = 200;
export const NOTE_HEIGHT = 160;

/** Where a new note goes so that it is centred on `center`, nudged off any note already exactly there. */
export function placeNewNote(center: Point, occupied: readonly Point[]): Point {
  let x = Math.round(center.x - NOTE_WIDTH / 2);
  let y = Math.round(center.y - NOTE_HEIGHT / 2);
  for (let i = 0; i < 20 && occupied.some((p) => Math.abs(p.x - x) < 12 && Math.abs(p.y - y) < 12); i++) {
    x += 24;
    y += 24;
  }
  return { x, y };
}

const GAP = 16;

function overlapsAny(x: number, y: number, occupied: readonly Point[]): boolean {
  return occupied.some(
    (p) =>
      p.x < x + NOTE_WIDTH + GAP &&
      p.x + NOTE_WIDTH + GAP > x &&
      p.y < y + NOTE_HEIGHT + GAP &&
      p.y + NOTE_HEIGHT + GAP > y,
  );
}

/**
 * The free spot nearest to `center` for a new note (rings of candidates around it), so a
 * note added from the toolbar never lands on top of someone else's. Falls back to
 * `placeNewNote` on a crowded board.
 */
export function findFreeSpot(center: Point, occupied: readonly Point[], maxRings = 12): Point {
  const x0 = Math.round(center.x - NOTE_WIDTH / 2);
  const y0 = Math.round(center.y - NOTE_HEIGHT / 2);
  const near = occupied.filter(
    (p) =>
      Math.abs(p.x - x0) < (maxRings + 2) * NOTE_WIDTH && Math.abs(p.y - y0) < (maxRings + 2) * NOTE_HEIGHT,
  );
  if (!overlapsAny(x0, y0, near)) return { x: x0, y: y0 };
  const stepX = NOTE_WIDTH + GAP;
  const stepY = NOTE_HEIGHT + GAP;
  for (let ring = 1; ring <= maxRings; ring++) {
    const candidates: Point[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        candidates.push({ x: x0 + i * stepX, y: y0 + j * stepY });
      }
    }
    candidates.sort((a, b) => Math.hypot(a.x - x0, a.y - y0) - Math.hypot(b.x - x0, b.y - y0));
    const free = candidates.find((c) => !overlapsAny(c.x, c.y, near));
    if (free) return free;
  }
  return placeNewNote(center, occupied);
}

/** A rectangle in board units. */
export interface BoardRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** At most this many candidate spots are tried in a view (a view far out spans a whole board). */
const MAX_CANDIDATES = 6000;

/**
 * The free spot nearest the middle of `area` (the part of the board a person sees, less what
 * covers it) where a whole new note fits without touching another, or `null` when `area`
 * has none. Candidates lie on a grid at least `GAP` fine, coarser on a very large area.
 */
export function findFreeSpotIn(area: BoardRect, occupied: readonly Point[]): Point | null {
  const spanX = area.width - NOTE_WIDTH;
  const spanY = area.height - NOTE_HEIGHT;
  if (spanX < 0 || spanY < 0) return null;
  const step = Math.max(GAP, Math.sqrt(((spanX + 1) * (spanY + 1)) / MAX_CANDIDATES));
  const near = occupied.filter(
    (p) =>
      p.x < area.x + area.width + GAP &&
      p.x + NOTE_WIDTH + GAP > area.x &&
      p.y < area.y + area.height + GAP &&
      p.y + NOTE_HEIGHT + GAP > area.y,
  );
  const cx = area.x + spanX / 2;
  const cy = area.y + spanY / 2;
  // Offsets from the middle, both ways, so that the middle itself is a candidate.
  const offsets = (span: number) => {
    const list = [0];
    for (let d = step; d <= span / 2 + 0.5; d += step) list.push(-d, d);
    return list;
  };
  const candidates: Point[] = [];
  for (const dx of offsets(spanX)) {
    for (const dy of offsets(spanY)) {
      candidates.push({
        x: Math.round(Math.min(Math.max(cx + dx, area.x), area.x + spanX)),
        y: Math.round(Math.min(Math.max(cy + dy, area.y), area.y + spanY)),
      });
    }
  }
  candidates.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
  return candidates.find((c) => !overlapsAny(c.x, c.y, near)) ?? null;
}
