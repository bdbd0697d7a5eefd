import type { ComplianceStatus } from '../../../shared/compliance/status';
import { STATUS_GLYPH } from './board-compliance';

/**
 * The status marks drawn as SVG (✓ ! ✕ ·), so they look the same on every machine
 * whatever fonts it has, scale with the text (1em) and take its colour (currentColor).
 * The glyph is repeated in `data-glyph` for tests and tools.
 */
export function StatusIcon({ status, className }: { status: ComplianceStatus; className?: string }) {
  return (
    <svg
      className={`board-icon board-icon--${status}${className ? ` ${className}` : ''}`}
      viewBox="0 0 20 20"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      data-glyph={STATUS_GLYPH[status]}
    >
      {status === 'on-time' ? (
        <path d="M3.5 10.5 8 15 16.5 5.5" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
      ) : status === 'late' ? (
        <>
          <path d="M10 3v9" fill="none" stroke="currentColor" strokeWidth="3.2" strokeLinecap="round" />
          <circle cx="10" cy="16.5" r="1.9" fill="currentColor" />
        </>
      ) : status === 'missing' ? (
        <path d="M4.5 4.5 15.5 15.5M15.5 4.5 4.5 15.5" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      ) : (
        <circle cx="10" cy="10" r="2.4" fill="currentColor" />
      )}
    </svg>
  );
}

/** A warning triangle for threshold alerts in the ticker (▲ above / ▼ below is in the text). */
export function AlertIcon({ className }: { className?: string }) {
  return (
    <svg className={`board-icon board-icon--alert${className ? ` ${className}` : ''}`} viewBox="0 0 20 20" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d="M10 2.5 18.5 17.5H1.5Z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      <path d="M10 7.5v5" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="10" cy="15" r="1.2" fill="currentColor" />
    </svg>
  );
}
