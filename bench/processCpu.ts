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

/**
 * Waits until the machine is quiet — under 10 % of its CPUs busy over half a second — or
 * `atMostMs` has passed: so that what one run set going (a garbage collection, PostgreSQL's
 * autovacuum after its inserts, the JIT finishing) is not counted against the next. Linux's
 * /proc/stat; elsewhere it waits a second.
 */
export async function machineSettled(atMostMs = 10_000): Promise<void> {
  const busyAndTotal = (): [number, number] | undefined => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
      const total = fields.reduce((sum, value) => sum + value, 0);
      const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
      return [total - idle, total];
    } catch {
      return undefined;
    }
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const until = Date.now() + atMostMs;
  let before = busyAndTotal();
  if (!before) return pause(1000).then(() => undefined);
  while (Date.now() < until) {
    await pause(500);
    const now = busyAndTotal()!;
    const busy = (now[0] - before[0]) / Math.max(1, now[1] - before[1]);
    before = now;
    if (busy < 0.1) return;
  }
}
