/**
 * True when MongoDB refused a write for a unique-index violation. FerretDB reports one caused
 * by an update with code 1 rather than 11000, so both are recognised.
 */
export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: number }).code;
  return code === 11000 || (code === 1 && /duplicate/i.test(String((error as Error).message)));
}
