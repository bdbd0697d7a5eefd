/**
 * A problem with the configuration or the data folder that stops the server from starting.
 * Its message is written for the person starting the server: what is wrong, where, and
 * which flag or variable fixes it. The CLI prints it without a stack trace.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
