import type { JSX } from 'react';

/** The progress, success and failure lines every page shows under its title. */
export function WorkStatus({ busy, status, failure }: { busy: string | null; status: string | null; failure: string | null }): JSX.Element {
  return (
    <>
      {busy && (
        <p className="progress" role="status">
          <span className="spinner" aria-hidden="true" /> {busy}
        </p>
      )}
      {status && (
        <p className="ok" role="status" data-testid="status">
          {status}
        </p>
      )}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
