// dynalite keeps the local store in LevelDB, which one process may open at a time. A
// second command on the same DATA_DIR (`npm run poll` while `npm start` runs, or two
// `npm start`) cannot open it, and dynalite then throws from inside its request handler
// — an uncaught exception with a stack trace that says only "Database is closed". This
// turns that into what to do.

/** The message for a command that found the store in use. */
export function storeInUseMessage(command: string, dataDir: string): string {
  return [
    `${command}: the local store in ${dataDir} is in use by another process (most likely \`npm start\`).`,
    'dynalite keeps it in LevelDB, which admits one process at a time. Either:',
    '  - stop `npm start` (Ctrl-C), run this command, then start it again; or',
    '  - give each its own store: DATA_DIR=<another folder>; or',
    '  - run both against an engine that takes several clients (DynamoDB Local):',
    '    DYNAMODB_ENDPOINT=http://127.0.0.1:8000 npm start   (and the same for this command)',
  ].join('\n');
}

/** Whether an error is the store failing to open (another process holds its lock). */
export function isStoreInUse(error: unknown): boolean {
  const message =
    error instanceof Error
      ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`
      : String(error);
  return /Database is (closed|not open)|LEVEL_DATABASE_NOT_OPEN|LEVEL_LOCKED|\bLOCK\b/.test(
    message,
  );
}

/** From here on, an uncaught "store in use" ends the process with the message above
 *  (exit status 1); any other uncaught error ends it as Node would. */
export function explainStoreInUse(command: string, dataDir: string): void {
  process.on('uncaughtException', (error) => {
    if (isStoreInUse(error)) console.error(storeInUseMessage(command, dataDir));
    else console.error(error);
    process.exit(1);
  });
}
