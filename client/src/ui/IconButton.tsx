import type { ButtonHTMLAttributes, ReactNode } from 'react';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'title' | 'type'> {
  /** Spoken by screen readers and shown as the tooltip: an icon alone says nothing. */
  label: string;
  testId?: string;
  children: ReactNode;
}

/** A square button showing only an icon, always with an accessible name and a tooltip. */
export function IconButton({ label, testId, className, children, ...rest }: Props) {
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      title={label}
      data-testid={testId}
      {...rest}
    >
      {children}
    </button>
  );
}
