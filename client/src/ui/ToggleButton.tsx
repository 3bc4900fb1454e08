import type { ButtonHTMLAttributes, ReactNode } from 'react';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'aria-pressed' | 'className'> {
  pressed: boolean;
  testId?: string;
  children: ReactNode;
}

/** A text button that stays pressed while what it turns on is on (a panel open, "follow me"…). */
export function ToggleButton({ pressed, testId, children, ...rest }: Props) {
  return (
    <button
      type="button"
      className={pressed ? 'button button--primary' : 'button'}
      aria-pressed={pressed}
      data-testid={testId}
      {...rest}
    >
      {children}
    </button>
  );
}
