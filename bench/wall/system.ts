import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** The machine a run came from, as docs/benchmarks.md states it. */
export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  chromium: string;
}

export function describeMachine(chromiumVersion: string): Machine {
  let model = cpus()[0]?.model.trim() ?? '';
  try {
    model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    nproc: cpus().length,
    cpu: model || 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    kernel: release(),
    node: process.version,
    chromium: chromiumVersion,
  };
}

let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: split after the last ')'.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by a process and all its living descendants (Linux /proc; 0
 * elsewhere), optionally without the root itself and without some subtrees.
 */
export function treeCpuSeconds(rootPid: number | undefined, options: { withoutRoot?: boolean; without?: (number | undefined)[] } = {}): number {
  if (rootPid === undefined) return 0;
  let stats: ProcStat[];
  try {
    stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map((name) => readStat(Number(name)))
      .filter((s): s is ProcStat => s !== null);
  } catch {
    return 0;
  }
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const root = stats.find((s) => s.pid === rootPid);
  if (!root) return 0;
  const skip = new Set(options.without ?? []);
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const s = stack.pop()!;
    if (skip.has(s.pid)) continue;
    if (s !== root || !options.withoutRoot) ticks += s.ticks;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return ticks / ticksPerSecond();
}

export function selfCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export const loadAverage = (): number[] => loadavg().map((v) => Math.round(v * 100) / 100);

/** CPU seconds the whole machine has spent busy (not idle or waiting for I/O), from /proc/stat; 0 elsewhere. */
export function machineBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / ticksPerSecond();
  } catch {
    return 0;
  }
}
