import { useCallback, useState } from 'react';
import { useFailure } from '../useFailure';

/**
 * A page's long work: one label while it runs (shown with a spinner, buttons disabled), the
 * last success said in words, and failures through useFailure (a 401 ends the session, any
 * other error is shown with the server's message in the page's language).
 */
export function useWork(onSessionEnded: () => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, fail, clear] = useFailure(onSessionEnded);
  const run = useCallback(
    async (label: string, work: () => Promise<unknown>): Promise<boolean> => {
      setBusy(label);
      setStatus(null);
      clear();
      try {
        const said = await work();
        // A string the work returns is its success in words.
        if (typeof said === 'string' && said) setStatus(said);
        return true;
      } catch (error) {
        fail(error);
        return false;
      } finally {
        setBusy(null);
      }
    },
    // clear is a fresh closure each render but only resets state: leaving it out keeps run stable.
    [fail],
  );
  return { busy, status, failure, fail, clear, run, setStatus };
}
