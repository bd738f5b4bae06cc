import { loadConfig } from '../../bot/runtime/config';
import { createLogger } from '../../bot/runtime/logger';
import { startDarsBot, type RunningDarsBot } from '../../bot/runtime/startDarsBot';
import { testDatabaseUri } from './testDatabase';

/** What a suite needs of a bot under test: where it listens, what it logged, and a clean stop. */
export interface TestBot {
  readonly port: number;
  readonly url: string;
  /** The bot's log lines, parsed, in order. */
  readonly logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * The whole bot (`startDarsBot`, the same composition `npm start` runs) inside the test's own
 * process, configured from the same variables a deployment sets, on port 0 and the suite's
 * database. Tests still talk to it only over HTTP, as Teams does. Suites that need a separate
 * process (a crash, several bots sharing a database after a kill) use `BotProcess` instead.
 * Starting it here rather than in a child saves starting Node and loading botbuilder per suite.
 */
export async function startTestBot(options: TestBotOptions): Promise<TestBot> {
  const config = loadConfig(testBotEnvironment(options));
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger(config.LOG_LEVEL, (line) => {
    for (const one of line.split('\n')) if (one.trim() !== '') logs.push(JSON.parse(one) as Record<string, unknown>);
  });
  const running: RunningDarsBot = await startDarsBot(config, logger);
  let stopped: Promise<void> | undefined;
  return {
    port: running.port,
    url: `http://127.0.0.1:${running.port}`,
    logs,
    stop: () => (stopped ??= running.stop()),
  };
}

export interface TestBotOptions {
  readonly databaseName: string;
  readonly env?: Record<string, string>;
}

/** The variables a bot under test runs with, in this process or its own: port 0, the suite's database. */
export function testBotEnvironment(options: TestBotOptions): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    MONGODB_URI: testDatabaseUri(),
    MONGODB_DB: options.databaseName,
    // The deadline pass runs only where a suite asks for it (test/teams/deadlines.test.ts): on
    // its own it would add reminders to seeded cases whose dates have passed, mid-assertion.
    REMINDER_INTERVAL_SECONDS: '0',
    ...options.env,
  };
}
