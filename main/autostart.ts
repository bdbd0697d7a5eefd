/**
 * How the agent comes back after a reboot or a logon, per platform (docs in build/README.md):
 *  - Windows: a login item (app.setLoginItemSettings), set by the packaged agent on every
 *    start, plus the scheduled task of build/windows, which also restarts it when it dies;
 *  - Linux: the systemd user unit of build/linux, which the deb installs and enables for
 *    every user (WantedBy=graphical-session.target) and which restarts the agent when it
 *    dies; with the AppImage the technician installs the same unit (build/README.md). The
 *    agent writes no XDG autostart entry of its own: two starters would race for the
 *    single-instance lock on every logon.
 *  - A development run (not packaged) registers nothing: a developer's machine is not a wall.
 */
export interface AutostartPlan {
  loginItem: boolean;
  describe: string;
}

export function autostartPlan(platform: NodeJS.Platform, packaged: boolean): AutostartPlan {
  if (!packaged) return { loginItem: false, describe: 'none (development run)' };
  if (platform === 'win32') return { loginItem: true, describe: 'Windows login item (and the scheduled task of build/windows, if installed)' };
  if (platform === 'linux') return { loginItem: false, describe: 'the systemd user unit toancanh-agent.service (installed by the deb)' };
  return { loginItem: false, describe: `none on ${platform}` };
}
