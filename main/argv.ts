/**
 * How the agent reads its command line, one rule for every flag (main/config.ts and
 * main/console-plan.ts): `--name=value` or `--name value`; a value that is missing (the end
 * of argv, or the next flag) is a problem naming the flag.
 */

export interface FlagArg {
  name: string;
  /** The text after `=`, or null for `--name` alone. */
  inline: string | null;
}

/** A `--flag` of argv, or null for a positional (the app path in development) and for `--`. */
export function readFlag(arg: string): FlagArg | null {
  if (!arg.startsWith('--') || arg === '--') return null;
  const eq = arg.indexOf('=');
  return eq === -1 ? { name: arg.slice(2), inline: null } : { name: arg.slice(2, eq), inline: arg.slice(eq + 1) };
}

/** The value of the flag at `argv[i]`: its inline one, else the next argument, which is then used up (`next`). */
export function flagValue(argv: readonly string[], i: number, flag: FlagArg): { value: string; next: number } | { problem: string; next: number } {
  if (flag.inline !== null) return { value: flag.inline, next: i };
  const following = argv[i + 1];
  if (following === undefined || following.startsWith('--')) return { problem: `--${flag.name}: needs a value`, next: i };
  return { value: following, next: i + 1 };
}

const SWITCH_TEXT: Readonly<Record<string, boolean>> = { '': true, true: true, '1': true, yes: true, false: false, '0': false, no: false };

/** A switch (`--preview`, `--console`): alone or `=true/false/1/0/yes/no`; anything else is a problem naming it. */
export function switchValue(name: string, inline: string | null): { on: boolean } | { problem: string } {
  const on = SWITCH_TEXT[(inline ?? '').trim().toLowerCase()];
  return on === undefined ? { problem: `--${name}: expected no value, or true/false (got "${inline}")` } : { on };
}
