/** What every benchmark entry shares: settings from the environment, progress lines, the exit code. */

export function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}

/** Progress goes to stderr, so stdout carries only the results. */
export function progress(message: string): void {
  console.error(`· ${message}`);
}

/** Runs a benchmark's main and exits with its code (non-zero when a check failed). */
export function runBenchmark(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
