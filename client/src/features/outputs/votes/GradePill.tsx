import type { CSSProperties } from 'react';
import type { GradeColor } from './grades';

/** A grade's colours as the custom properties its chip, pill or segment paints with. */
export function gradeStyle(color: GradeColor | undefined): CSSProperties {
  return { '--grade-fill': color?.fill, '--grade-ink': color?.ink } as CSSProperties;
}

/** A grade's name on its colour: a majority grade in the results, a group's grade. */
export function GradePill({
  color,
  testId,
  children,
}: {
  color: GradeColor | undefined;
  testId?: string;
  children: string;
}) {
  return (
    <span className="grade-pill" style={gradeStyle(color)} data-testid={testId}>
      {children}
    </span>
  );
}
