import { schemeAndHost } from './app-origin';

/**
 * Who may call the agent over IPC: only our own pages, served from the app:// origin.
 * A file:// page, a web page (http, https) or a frame of another origin is refused,
 * so content that somehow got into a window cannot read the wall token.
 *
 * `frameUrl` is the URL of the frame that sent the message (event.senderFrame.url);
 * the adapter also checks that this frame is the window's top frame.
 */
export function isTrustedSender(frameUrl: string | null | undefined, trustedOrigin: string): boolean {
  if (!frameUrl) return false;
  const trusted = schemeAndHost(trustedOrigin);
  const sender = schemeAndHost(frameUrl);
  if (!trusted || !sender) return false;
  return sender.scheme === trusted.scheme && sender.host === trusted.host;
}
