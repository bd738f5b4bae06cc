import { CaseIndex } from '../services/storage/cases/caseIndex';
import { CaseHistoryCheck } from '../services/storage/cases/caseHistoryCheck';
import { CaseLog } from '../services/storage/cases/caseLog';
import { caseReferencePattern } from '../services/storage/cases/caseReference';
import { describeVerdict } from '../services/storage/cases/commitChain';
import { connectDatabase } from '../services/storage/database/connection';
import { ConfigError, loadConfig } from './runtime/config';

/**
 * `npm run verify-history [-- DARS-2026-00042]`: checks the hash chain of one case, or of every
 * case, on the database the bot is configured for (the same environment as `npm start`), and
 * prints each broken case with its first broken version. Exit code 0: everything verifies;
 * 1: some history does not; 2: the check could not run.
 */
async function main(args: readonly string[]): Promise<number> {
  const reference = args.find((arg) => !arg.startsWith('-'))?.toUpperCase();
  if (reference && !caseReferencePattern.test(reference)) {
    console.error(`“${reference}” is not a case reference (DARS-<year>-<5 digits>).`);
    return 2;
  }
  const config = loadConfig(process.env, 'packaging');
  if (!config.MONGODB_URI) {
    console.error('MONGODB_URI is not set: run this through `npm run verify-history`, which starts the development database, or set it.');
    return 2;
  }
  const database = await connectDatabase({ uri: config.MONGODB_URI, databaseName: config.MONGODB_DB });
  try {
    const history = new CaseHistoryCheck(new CaseLog(database.db), new CaseIndex(database.db));
    if (reference) {
      const verdict = await history.verifyCase(reference);
      if (!verdict) {
        console.error(`There is no case ${reference}.`);
        return 2;
      }
      console.log(describeVerdict(verdict));
      return verdict.intact ? 0 : 1;
    }
    const report = await history.verifyAll((verdict) => {
      if (!verdict.intact) console.log(describeVerdict(verdict));
    });
    console.log(`Checked ${report.checked} ${report.checked === 1 ? 'case' : 'cases'}: ${report.broken.length === 0 ? 'every history verifies' : `${report.broken.length} do not verify`}.`);
    return report.broken.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `The history check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
