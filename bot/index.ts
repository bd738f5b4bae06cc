import { ConfigError, loadConfig, type Config } from './runtime/config';
import { createLogger, describeError } from './runtime/logger';
import { startDarsBot } from './runtime/startDarsBot';

/** The bot as a process: configuration from the environment, logs to standard output, stop on a signal. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const bot = await startDarsBot(config, logger);
  const shutdown = async (signal: string) => {
    logger.info('stopping', { signal });
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(`DARS Bot failed to start: ${error instanceof Error ? error.message : describeError(error)}`);
  process.exit(1);
});
