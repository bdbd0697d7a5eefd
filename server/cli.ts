import { createServer, type RunningServer } from './app';
import { parseCliArgs, usage } from './config';
import { StartupError } from './errors';
import { findProjectRoot } from './paths';
import { readAllStdin, runUserCli, terminalPassword } from './auth/cli';
import { runSimulateCli } from './simulate/cli';

/**
 * `node out/main/server.js`: the headless server. stdout carries exactly two lines for
 * whoever started us (the display agent parses the first): `TOANCANH_READY port=<n>` and
 * the wall preview URL; the log goes to stderr. Exit codes: 2 bad arguments, 1 failed start.
 * `node out/main/server.js simulate …` runs the demo simulator against a server instead;
 * `node out/main/server.js user …` manages console accounts (server/auth/cli.ts).
 */
async function main(): Promise<void> {
  if (process.argv[2] === 'simulate') {
    process.exitCode = await runSimulateCli(process.argv.slice(3));
    return;
  }
  if (process.argv[2] === 'user') {
    process.exitCode = await runUserCli(process.argv.slice(3), {
      env: process.env,
      cwd: process.cwd(),
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
      readStdin: () => readAllStdin(process.stdin),
      askPassword: terminalPassword(process.stdin, process.stderr),
    });
    return;
  }
  const root = findProjectRoot();
  const parsed = parseCliArgs(process.argv.slice(2), process.env, { cwd: process.cwd(), root });
  if (parsed.ok === 'help') {
    process.stdout.write(`${parsed.text}\n`);
    return;
  }
  if (!parsed.ok) {
    process.stderr.write(`toancanh-server: ${parsed.error}\n\n${usage()}\n`);
    process.exitCode = 2;
    return;
  }
  const config = parsed.config;
  let server: RunningServer;
  try {
    server = await createServer({
      dataDir: config.dataDir,
      port: config.port,
      host: config.host,
      // A flag (or its variable) is a choice for this start; otherwise the stored wall state stands.
      ...(config.profileGiven ? { profilePath: config.profilePath } : { defaultProfilePath: config.profilePath }),
      ...(config.layout.given ? { layout: { path: config.layout.path, watch: config.layout.kind === 'file' } } : { defaultLayoutPath: config.layout.path }),
      layoutsDir: config.layoutsDir,
      indicatorsCsv: config.indicatorsCsv,
      rendererDir: config.rendererDir,
      geoPath: config.geoPath,
      rateLimit: config.rateLimit,
      sessions: config.sessions,
      lockout: config.lockout,
      ...(config.ingestBatch !== null ? { ingest: { maxBatch: config.ingestBatch } } : {}),
      ...(config.simulate ? { simulate: config.simulate } : {}),
      adminToken: process.env.TOANCANH_ADMIN_TOKEN,
      wallToken: process.env.TOANCANH_WALL_TOKEN,
      logStream: process.stderr,
      logFormat: config.logFormat,
    });
  } catch (error) {
    process.stderr.write(`toancanh-server: cannot start${error instanceof StartupError ? `: ${error.headline}` : ''}\n${error instanceof StartupError ? error.message : ((error as Error).stack ?? String(error))}\n`);
    process.exitCode = 1;
    return;
  }

  process.stdout.write(`TOANCANH_READY port=${server.port}\n`);
  // The token rides in the fragment, which browsers never send to the server.
  process.stdout.write(`${server.url}/wall/?screen=all#token=${server.wallToken}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`toancanh-server: ${signal} again; exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    server.log.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`toancanh-server: error while closing: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`toancanh-server: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
