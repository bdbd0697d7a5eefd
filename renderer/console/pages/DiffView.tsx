import type { JSX } from 'react';
import type { DiffLine } from './diffText';
import { useT } from '../i18n';

/** The lines of a diff, each marked by its kind (added green, removed red…); "no change" when empty. */
export function DiffView({ lines, label }: { lines: DiffLine[]; label: string }): JSX.Element {
  const t = useT();
  if (lines.length === 0) return <p className="diff-empty">{t('Không có thay đổi.', 'No change.')}</p>;
  return (
    <ul className="diff" aria-label={label}>
      {lines.map((line, i) => (
        <li key={i} className={`diff-${line.kind}`}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}
