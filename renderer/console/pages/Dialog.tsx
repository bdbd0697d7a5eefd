import { useEffect, useRef, useState } from 'react';
import type { JSX, ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** alertdialog for a question that needs an answer (a destructive choice). */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog the keyboard can drive: focus moves into it (its first field or button, or
 * the element marked autoFocus), Tab stays inside, Esc closes it, and focus goes back to
 * whatever had it before it opened (the button that opened it).
 */
export function Dialog({ title, onClose, children, role = 'dialog' }: DialogProps): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  // Read while rendering, before a field inside takes the focus (autoFocus happens at commit).
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const panel = box.current;
    if (panel && !panel.contains(document.activeElement)) focusables(panel)[0]?.focus();
    return () => {
      // The opener may have been re-rendered away (a list reloaded): then nothing to return to.
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const items = focusables(box.current);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="dialog-backdrop">
      <div ref={box} className="panel dialog" role={role} aria-modal="true" aria-label={title} onKeyDown={onKeyDown}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])')].filter((e) => !e.hasAttribute('disabled'));
}
