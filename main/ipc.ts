import { IPC, windowStatusSchema, type WindowConfig, type WindowStatus } from '../shared/ipc';
import { jsonPath } from '../shared/validation/errors';
import { APP_ORIGIN } from './app-origin';
import type { AgentIpcEvent, AgentIpcMain, AgentWebContents } from './electron-api';
import { isTrustedSender } from './ipc-guard';
import type { Logger } from './log';

/**
 * The IPC channels of shared/ipc.ts. Every message is checked: it must come from the top
 * frame of one of our windows, showing an app://toancanh page. The window config holds
 * the wall token, so an untrusted caller gets an error, not the token. A status that
 * fails its schema is dropped whole and logged.
 */

export interface IpcDependencies {
  ipcMain: AgentIpcMain;
  /** The config of the wall window that owns these web contents, if it is one of ours. */
  configFor(contents: AgentWebContents): WindowConfig | null;
  /** A valid status (also the heartbeat) from one of our windows. */
  onStatus(contents: AgentWebContents, status: WindowStatus): void;
  log: Logger;
}

function trustedTopFrame(event: AgentIpcEvent): boolean {
  const frame = event.senderFrame;
  // Subframes never call: the wall page has none, and one from elsewhere must not.
  if (frame === null || frame.parent !== null) return false;
  return isTrustedSender(frame.url, APP_ORIGIN);
}

function describeSender(event: AgentIpcEvent): string {
  return `web contents ${event.sender.id} (${event.senderFrame?.url ?? 'frame gone'})`;
}

export function registerIpc({ ipcMain, configFor, onStatus, log }: IpcDependencies): void {
  ipcMain.handle(IPC.getWindowConfig, (event): WindowConfig => {
    if (!trustedTopFrame(event)) {
      log.warn(`IPC ${IPC.getWindowConfig} refused to untrusted ${describeSender(event)}`);
      throw new Error('untrusted sender');
    }
    const config = configFor(event.sender);
    if (config === null) throw new Error('not a wall window');
    return config;
  });

  // Status is logged when it changes, not on every heartbeat.
  const lastStatus = new Map<number, string>();
  ipcMain.on(IPC.reportStatus, (event, payload: unknown) => {
    if (!trustedTopFrame(event)) {
      log.warn(`IPC ${IPC.reportStatus} ignored from untrusted ${describeSender(event)}`);
      return;
    }
    const parsed = windowStatusSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      log.warn(`IPC ${IPC.reportStatus}: invalid status from ${describeSender(event)}: ${issue ? `${jsonPath(issue.path)}: ${issue.message}` : 'invalid'}`);
      return;
    }
    const config = configFor(event.sender);
    if (config === null) return;
    const status: WindowStatus = parsed.data;
    onStatus(event.sender, status);
    const summary = `connected=${status.connected} layout=${status.layoutId ?? '-'} restored=${status.restored}`;
    const id = event.sender.id;
    if (lastStatus.get(id) !== summary) {
      if (!lastStatus.has(id)) event.sender.once('destroyed', () => lastStatus.delete(id));
      lastStatus.set(id, summary);
      log.info(`window ${config.screenId}: ${summary} lastSeq=${status.lastSeq ?? '-'}`);
    }
  });
}
