import type { Theme, WorkshopSummary } from '@atelier/shared';
import type { CSSProperties } from 'react';
import type { Translator } from '../../i18n/translate';
import { listedGroups, listedNames } from '../../state/people';
import type { BoardNote } from '../../state/types';
import { noteColors, themeLabel } from '../board/colors';
import { NOTE_HEIGHT, NOTE_WIDTH, type Rect } from '../board/geometry';

export interface BoardPictureProps {
  workshop: WorkshopSummary;
  /** The board's notes (not anyone's private drafts). */
  notes: readonly BoardNote[];
  /** The active themes, as the board colours notes with them. */
  themes: readonly Theme[];
  /** The board area drawn (see boardPictureArea); `null` for an empty board. */
  area: Rect | null;
  includeNames: boolean;
  /** The step's name and the day, under the title. */
  subtitle: string;
  t: Translator;
}

/**
 * The whole board of notes as one static picture for a slide: the title, a legend of the
 * themes with their counts, and every note where it sits on the board at full size, drawn
 * with the board's own note styles but none of its interactive parts. Without names, each
 * note shows its author's group, as the export does.
 */
export function BoardPicture({
  workshop,
  notes,
  themes,
  area,
  includeNames,
  subtitle,
  t,
}: BoardPictureProps) {
  const names = listedNames(workshop);
  const groups = listedGroups(workshop);
  const themeOf = new Map(themes.map((theme) => [theme.id, theme]));
  const byTheme = new Map<string | null, number>();
  for (const note of notes) {
    const key = note.theme !== null && themeOf.has(note.theme) ? note.theme : null;
    byTheme.set(key, (byTheme.get(key) ?? 0) + 1);
  }
  const author = (note: BoardNote) => {
    if (includeNames) return names[note.author] ?? t('note.unknownAuthor');
    const group = groups[note.author];
    return group ? t(`group.${group}` as 'group.other') : t('note.unknownAuthor');
  };

  return (
    <div className="board-picture" style={{ width: area?.width }}>
      <header className="board-picture__head">
        <h1>{workshop.title}</h1>
        <p>{subtitle}</p>
        {byTheme.size > 0 && (
          <ul className="board-picture__legend">
            {[...themes, null].map((theme) => {
              const count = byTheme.get(theme?.id ?? null);
              if (!count) return null;
              return (
                <li key={theme?.id ?? ''}>
                  <span
                    className="board-picture__swatch"
                    style={{ background: noteColors(theme ?? undefined).accent }}
                  />
                  {theme ? themeLabel(theme, t.locale) : t('note.noTheme')} <strong>{count}</strong>
                </li>
              );
            })}
          </ul>
        )}
      </header>
      {area ? (
        <div className="board-picture__notes" style={{ width: area.width, height: area.height }}>
          {notes.map((note) => {
            const theme = note.theme !== null ? themeOf.get(note.theme) : undefined;
            const colors = noteColors(theme);
            const style = {
              width: NOTE_WIDTH,
              height: NOTE_HEIGHT,
              transform: `translate(${note.x - area.x}px, ${note.y - area.y}px)`,
              '--note-layer': note.layer,
              background: colors.background,
              '--note-accent': colors.accent,
            } as CSSProperties;
            return (
              <div key={note.id} className="note board-picture__note" style={style}>
                <div className="note__text">{note.text}</div>
                {/* No theme chip: the legend gives the colours' themes, and the author's name (or group) gets the room. */}
                <div className="note__footer">
                  <span className="note__author">{author(note)}</span>
                </div>
              </div>
            );
          })}
        </div>
      ) : (
        <p className="board-picture__empty">{t('export.panel.pictureEmpty')}</p>
      )}
    </div>
  );
}
