import { errorText, type ErrorCode } from '../shared/errors';

/**
 * A problem with the configuration or the data folder that stops the server from starting.
 * Its message is written for the person starting the server: what is wrong, where, and
 * which flag or variable fixes it; its code (startup.*) names the kind of problem with a
 * Vietnamese and English headline. The CLI prints both without a stack trace.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    message: string,
    readonly code: Extract<ErrorCode, `startup.${string}`> = 'startup.failed',
  ) {
    super(message);
  }

  /** "Vietnamese headline / English headline (code)". */
  get headline(): string {
    const text = errorText(this.code);
    return `${text.vi} / ${text.en} (${this.code})`;
  }
}
