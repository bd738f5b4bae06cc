import { readFileSync } from 'node:fs';

/**
 * The peak resident memory of the database server this process started (the embedded
 * FerretDB is its child), from Linux's /proc: VmHWM is the high-water mark. Undefined when
 * there is no child (MONGODB_URI) or no /proc. PostgreSQL behind FerretDB is not included.
 */
export function serverPeakRssBytes(): number | undefined {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    let peak = 0;
    for (const pid of children) {
      const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kilobytes) peak = Math.max(peak, Number(kilobytes) * 1024);
    }
    return peak > 0 ? peak : undefined;
  } catch {
    return undefined;
  }
}
