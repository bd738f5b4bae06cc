import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU a process has used since it started (user + system, all threads: the JIT and the garbage
 * collector included), in milliseconds, from Linux's /proc; undefined where there is none (not
 * Linux, or the process is gone). The kernel counts in clock ticks (10 ms), so read it over
 * many turns.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}

/** The processes this one started (e.g. the embedded FerretDB and the bot), by pid. */
export function childPids(): number[] {
  try {
    return readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * PostgreSQL's backends serving `database` (the embedded FerretDB's connections), by pid: each
 * names its database in its command line ("postgres: 15/main: user dars_bot_x 127.0.0.1(…)").
 */
export function postgresBackendPids(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (command.startsWith('postgres: ') && command.split(' ').includes(database)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** USER_HZ, the unit of /proc's times: 100 on every Linux build that matters (`getconf CLK_TCK`). */
const clockTicksPerSecond = 100;
