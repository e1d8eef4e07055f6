import { Icon, type IconName } from './Icon.tsx';

interface ToggleIconButtonProps {
  on: boolean;
  onToggle(next: boolean): void;
  icon: IconName;
  /** Extra class for colouring the "on" state (e.g. `pin`, `flag`). */
  kind: string;
  label: { on: string; off: string };
  title: { on: string; off: string };
  testId: string;
  /** Fill the icon when on (the flag does, the pin does not). */
  fillWhenOn?: boolean;
}

/** A small pressed/unpressed icon button: the key pin, the flag. */
export function ToggleIconButton({ on, onToggle, icon, kind, label, title, testId, fillWhenOn = false }: ToggleIconButtonProps) {
  return (
    <button
      type="button"
      className={`icon-button small ${kind}${on ? ' on' : ''}`}
      aria-pressed={on}
      aria-label={on ? label.on : label.off}
      title={on ? title.on : title.off}
      data-testid={testId}
      onClick={() => onToggle(!on)}
    >
      <Icon name={icon} size={14} filled={fillWhenOn && on} />
    </button>
  );
}
