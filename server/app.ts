import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { installWallAppCors, WALL_APP_ORIGINS } from './http/cors';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { Server as SocketServer } from 'socket.io';
import { CONTROL_NAMESPACE } from '../shared/protocol/control';
import { FEED_NAMESPACE } from '../shared/protocol/feed';
import { installRestGuard, socketGuard, VIEWER_ROLES } from './auth/guard';
import { DEFAULT_RATE_LIMIT, TokenBuckets, type RateLimitOptions } from './auth/rate-limit';
import { DEFAULT_SCRYPT, dummyHash, type ScryptParams } from './auth/passwords';
import { registerTokenRoutes } from './auth/routes';
import { registerSessionRoutes } from './auth/session-routes';
import { DEFAULT_SESSION_OPTIONS, SessionStore, type SessionOptions } from './auth/sessions';
import { registerUserRoutes } from './auth/user-routes';
import { DEFAULT_LOCKOUT, UserStore, type LockoutOptions } from './auth/users';
import { registerAuditRoutes } from './audit/routes';
import { registerBriefingRoutes, registerBriefingRunRoutes } from './briefing/routes';
import { BriefingRunner } from './briefing/runner';
import { BriefingStore } from './briefing/store';
import { resolveBootstrapToken, TokenStore, type Principal } from './auth/tokens';
import { CatalogLoadError, loadCatalog, type Catalog } from './catalog/load';
import { syncCatalog } from './catalog/sync';
import { ComplianceService, DEFAULT_COMPLIANCE_OPTIONS, type ComplianceOptions } from './compliance/service';
import type { Db } from './db/open';
import { Checkpointer } from './db/checkpointer';
import { Store, systemClock, type Clock } from './db/store';
import { StartupError } from './errors';
import { DEFAULT_FEED_OPTIONS, FeedHub, type FeedNamespace, type FeedOptions } from './feed/hub';
import { registerGeoRoutes } from './geo';
import { BODY_LIMIT, installErrorHandling } from './http/errors';
import { installJsonBodyParser } from './http/json-body';
import { createRouter } from './http/route';
import { fastifyLoggerOptions, installRequestLogging, wrapPino } from './log';
import type { LogFormat, Logger } from '../shared/log';
import { DEFAULT_LAYOUT_ID, findProjectRoot, presetLayoutPath, projectPaths } from './paths';
import { registerReadRoutes } from './read/routes';
import { registerReportRoutes } from './reports/routes';
import { DEFAULT_GROUP_COMMIT, GroupCommit, type GroupCommitOptions } from './reports/group-commit';
import { reviseFromSeedFile, seedIfEmpty } from './seed/national';
import { seedDemoRankings } from './seed/demo-rankings';
import { startSimulator, type SimulatorHandle } from './simulate/simulator';
import { installSecurityHeaders, registerStatic, securityHeaders } from './static';
import { namespaceRefusal } from './auth/namespaces';
import { attachControl, type ControlNamespace } from './wall/control';
import { WallCommands } from './wall/commands';
import { registerSetupRoutes } from './wall/setup-routes';
import { FleetService } from './fleet/service';
import { registerFleetRoutes } from './fleet/routes';
import { formatErrors, loadLayoutFile, loadProfileFile } from './wall/load';
import { registerWallRoutes } from './wall/routes';
import { ProfileStore } from './wall/profiles';
import { registerProfileRoutes } from './wall/profiles-routes';
import { registerTaskRoutes } from './tasks/routes';
import { TaskStore } from './tasks/store';
import { WallStateStore } from './wall/state';
import { WallViewStore } from './wall/view';
import { registerWallViewRoutes } from './wall/view-routes';
import { AuditLog } from './audit/log';
import { watchLayoutFile, type LayoutWatcher } from './wall/watch';
import { LayoutLibrary } from './library/store';
import { Publisher } from './library/schedule';
import { registerLibraryRoutes } from './library/routes';
import { syncPresetTemplates } from './library/templates';
import { attachPresence } from './library/presence';

export interface CreateServerOptions {
  /** Folder of the database and the token files; created if missing. */
  dataDir: string;
  /** 0 (the default here) picks a free port; the CLI defaults to 8787. */
  port?: number;
  host?: string;
  /**
   * A wall profile someone chose for this start (--profile): applied over the stored state.
   * Without it the stored state stands, and `defaultProfilePath` (the project's default
   * profile unless given) is used only on a first start.
   */
  profilePath?: string;
  defaultProfilePath?: string;
  /** A layout chosen for this start (--layout), applied over the stored state; `watch` reloads the file when it changes. */
  layout?: { path: string; watch: boolean };
  /** The layout of a first start when none is chosen (default: the default preset). */
  defaultLayoutPath?: string;
  layoutsDir?: string;
  /** Read only when the store is empty (first start). */
  indicatorsCsv?: string;
  /** The reporting catalogue folder (default server/catalog/data, or $TOANCANH_CATALOG_DIR). */
  catalogDir?: string;
  /** The province boundaries served at /api/v1/geo/provinces. */
  geoPath?: string;
  /** The clock (epoch ms); tests inject one to move through deadlines. */
  now?: Clock;
  compliance?: Partial<ComplianceOptions>;
  /** Run the demo simulator in-process against this server's own API. */
  simulate?: { rate: number; seed: number; backfill?: boolean };
  /** Validate every API response against its wire schema (tests). */
  checkResponses?: boolean;
  rendererDir?: string;
  /** From TOANCANH_ADMIN_TOKEN / TOANCANH_WALL_TOKEN; otherwise the data folder's files. */
  adminToken?: string;
  wallToken?: string;
  rateLimit?: RateLimitOptions;
  /** People's sessions: idle (sliding, default 30 min) and absolute (default 12 h) expiry, in ms. */
  sessions?: Partial<SessionOptions>;
  /** Wrong passwords in a row that lock an account (default 5) and for how long (default 15 min). */
  lockout?: Partial<LockoutOptions>;
  /** Logins per source address (default 10 a minute, bursts of 10). */
  loginRateLimit?: RateLimitOptions;
  /** How often console sockets are checked against their sessions (expired, revoked elsewhere: dropped); default 60 s. */
  sessionSweepMs?: number;
  /** How often the fleet's health board is judged (ms; default 1 s). */
  fleetEvaluateMs?: number;
  /** scrypt cost of new password hashes (default N=2^15, r=8, p=1); tests pass lower. */
  scrypt?: ScryptParams;
  feed?: Partial<FeedOptions>;
  /** Group commit of reports (server/reports/group-commit.ts): `maxBatch: 1` is one commit per report. */
  ingest?: Partial<GroupCommitOptions>;
  watchDebounceMs?: number;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where log lines go (default stdout); the CLI uses stderr so stdout stays for the ready line. */
  logStream?: { write(line: string): unknown };
  /** `pretty` (default): one terse line per event; `json`: pino's JSON lines (server/log.ts). */
  logFormat?: LogFormat;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  dataDir: string;
  adminToken: string;
  wallToken: string;
  db: Db;
  store: Store;
  catalog: Catalog;
  compliance: ComplianceService;
  simulator: SimulatorHandle | null;
  wall: WallStateStore;
  /** Freeze, province drill-down, enlarged tile: `wallView.setWallView(patch, actor)` (server/wall/view.ts). */
  wallView: WallViewStore;
  /** Every accepted change: who, when, from where, what (server/audit/log.ts). */
  audit: AuditLog;
  /** The layout library (server/library/store.ts). */
  library: LayoutLibrary;
  /** Publishing and the schedule; `publisher.tick()` runs a slot boundary now (tests move the clock, then tick). */
  publisher: Publisher;
  /** Console accounts and their sessions (server/auth/users.ts, sessions.ts). */
  users: UserStore;
  sessions: SessionStore;
  /** Tasks assigned by the Government and the Prime Minister (server/tasks/store.ts). */
  tasks: TaskStore;
  app: FastifyInstance;
  /** The server's logger (shared/log.ts over pino). */
  log: Logger;
  io: SocketServer;
  close(): Promise<void>;
}

/** 10 logins a minute per address, 10 at once: plenty for people, slow for a guesser. */
export const DEFAULT_LOGIN_RATE_LIMIT: RateLimitOptions = { ratePerSecond: 10 / 60, burst: 10 };

/** How the first admin is made, logged at every start while the store has no account. */
export const FIRST_ADMIN_HINT = 'npm run serve -- user add --username <name> --name "<display name>" --role admin';

/** socket.io's default is 1 MB; wall clients only send small requests. */
export const SOCKET_MAX_BUFFER = 64 * 1024;

/**
 * Builds and starts the reporting backend: store (migrated, seeded on first start), tokens,
 * wall state, REST routes, socket.io namespaces and the renderer's static files. Any
 * configuration problem is a StartupError with every fault listed.
 */
export async function createServer(options: CreateServerOptions): Promise<RunningServer> {
  const paths = projectPaths(findProjectRoot());
  const host = options.host ?? '127.0.0.1';
  const layoutsDir = options.layoutsDir ?? paths.layoutsDir;
  const layoutOption = options.layout ?? null;
  const profilePath = options.profilePath ?? options.defaultProfilePath ?? paths.profile;
  const layoutPath = layoutOption?.path ?? options.defaultLayoutPath ?? presetLayoutPath(layoutsDir, DEFAULT_LAYOUT_ID);

  // Validate the wall files before touching the data folder: a typo fails fast (a default
  // file too: it is what a first start would show).
  const profile = loadProfileFile(profilePath);
  const layout = loadLayoutFile(layoutPath);
  const wallProblems = [
    ...(profile.ok ? [] : [`${formatErrors(profilePath, profile.errors, profile.total)}\n  (set --profile or TOANCANH_PROFILE)`]),
    ...(layout.ok ? [] : [`${formatErrors(layoutPath, layout.errors, layout.total)}\n  (set --layout or TOANCANH_LAYOUT)`]),
  ];
  if (!profile.ok || !layout.ok) throw new StartupError(wallProblems.join('\n'), 'startup.wall_files_invalid');

  try {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new StartupError(`cannot create the data folder ${options.dataDir}: ${(error as Error).message}; set --data or TOANCANH_DATA`, 'startup.data_folder');
  }

  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: fastifyLoggerOptions({ level: options.logLevel, format: options.logFormat, stream: options.logStream }),
    // One line per request at debug level (or a failed or slow one), not pino's two at info.
    logController: new LogController({ disableRequestLogging: true }),
  });
  installRequestLogging(app);
  const log = wrapPino(app.log);

  let catalog: Catalog;
  try {
    catalog = loadCatalog(options.catalogDir);
  } catch (error) {
    if (error instanceof CatalogLoadError) throw new StartupError(`${error.message}\n  (fix the catalogue or set TOANCANH_CATALOG_DIR)`, 'startup.catalogue_invalid');
    throw error;
  }

  const now = options.now ?? systemClock;
  const databaseFile = join(options.dataDir, 'toancanh.sqlite');
  const store = Store.open(databaseFile, now);
  const cleanups: Array<() => unknown> = [() => store.close()];
  try {
    const checkpointer = new Checkpointer(store.db, databaseFile, log.child({ ns: 'database' }));
    checkpointer.start();
    cleanups.push(() => checkpointer.stop());
    store.onListenerError = (error) => log.error('publishing committed changes failed', { err: error });
    const synced = syncCatalog(store, catalog);
    if (synced.indicatorChanges > 0) log.info('indicator catalogue updated', { indicators: synced.indicatorChanges });
    const indicatorsCsv = options.indicatorsCsv ?? paths.indicatorsCsv;
    const seeded = seedIfEmpty(store, indicatorsCsv, catalog);
    if (seeded) log.info('seeded an empty store with the national indicators', seeded);
    else reviseNationalSeed(store, indicatorsCsv, catalog, log);
    // Rankings and portal figures have no published source in ../shared/data: demo-marked (server/seed/demo-rankings.ts).
    const demoRankings = seedDemoRankings(store, catalog);
    if (demoRankings) log.info('seeded DEMO provincial rankings and portal figures', demoRankings);
    const compliance = new ComplianceService(store, catalog.regimes, log.child({ ns: 'compliance' }), { ...DEFAULT_COMPLIANCE_OPTIONS, ...options.compliance });
    compliance.start();
    cleanups.push(() => compliance.stop());

    const audit = new AuditLog(store.db, now);
    const tasks = new TaskStore(store, audit);
    const tokens = new TokenStore(store.db);
    const accounts = {
      users: new UserStore(store.db, audit, now),
      sessions: new SessionStore(store.db, now, { ...DEFAULT_SESSION_OPTIONS, ...options.sessions }),
    };
    if (accounts.users.count() === 0) log.warn('no console accounts yet: create the first admin with', { command: FIRST_ADMIN_HINT });
    const admin = resolveBootstrapToken('admin', options.adminToken, options.dataDir);
    const wallToken = resolveBootstrapToken('wall', options.wallToken, options.dataDir);
    tokens.installBootstrap('admin', admin.token);
    tokens.installBootstrap('wall', wallToken.token);
    for (const t of [admin, wallToken]) {
      if (t.source === 'generated') log.info('generated a token (read it from this file)', { file: t.file });
    }

    const wallLog = log.child({ ns: 'wall' });
    const wall = new WallStateStore(store.db, {
      defaults: { profile: profile.value, layout: layout.value },
      given: {
        ...(options.profilePath ? { profile: profile.value } : {}),
        ...(layoutOption ? { layout: layout.value } : {}),
      },
      warn: (message, details) => wallLog.error(message, details),
      now,
    });
    const wallView = new WallViewStore(store, audit, wall, now, (message, details) => wallLog.error(message, details));
    const library = new LayoutLibrary(store.db, audit, now);
    syncPresetTemplates(library, layoutsDir, wallLog);
    const publisher = new Publisher(store.db, library, wall, audit, now, log.child({ ns: 'schedule' }));
    cleanups.push(() => publisher.stop());
    // Wall profiles with versions (issue 9): the one the wall uses is in the store from the start.
    const profiles = new ProfileStore(store.db, audit, wall, now);
    const seededProfile = profiles.seedFromWall();
    if (seededProfile) wallLog.info('wall profile stored as version 1', { profile: seededProfile });
    const startState = wall.record();
    wallLog.info('wall state', {
      revision: startState.revision,
      profile: startState.profile.id,
      layout: startState.layout.id,
      layoutVersion: startState.layoutVersion,
      changedBy: startState.changedBy,
      reason: startState.reason,
    });

    installErrorHandling(app);
    installJsonBodyParser(app);
    installSecurityHeaders(app);
    installWallAppCors(app);
    installRestGuard(app, tokens, new TokenBuckets(options.rateLimit ?? DEFAULT_RATE_LIMIT), accounts);

    // socket.io shares fastify's HTTP server. Browser walls are same-origin; Electron's
    // app://toancanh pages are not, which matters only if a socket falls back to polling.
    const io = new SocketServer(app.server, {
      maxHttpBufferSize: SOCKET_MAX_BUFFER,
      serveClient: false,
      cors: { origin: [...WALL_APP_ORIGINS], methods: ['GET', 'POST'] },
    });
    cleanups.push(() => io.close());
    // socket.io answers HTTP itself (handshakes, long polling), past Fastify's onSend hook.
    const socketHeaders = securityHeaders();
    io.engine.on('headers', (headers: Record<string, string>) => Object.assign(headers, socketHeaders));
    // Clients use /feed and /control only; the root namespace would otherwise accept anyone.
    io.of('/').use((_socket, next) => next(namespaceRefusal()));
    const feedNsp = io.of(FEED_NAMESPACE) as unknown as FeedNamespace;
    const controlNsp = io.of(CONTROL_NAMESPACE) as unknown as ControlNamespace;
    feedNsp.use(socketGuard(tokens, VIEWER_ROLES, accounts));
    controlNsp.use(socketGuard(tokens, VIEWER_ROLES, accounts));
    // A revoked token, an ended session, a disabled account: its open sockets go too.
    const dropSockets = (which: (principal: Principal) => boolean) => {
      for (const nsp of [feedNsp, controlNsp] as const) {
        for (const socket of nsp.sockets.values()) {
          const p = socket.data.principal;
          if (p && which(p)) socket.disconnect(true);
        }
      }
    };
    new FeedHub(store, log.child({ ns: 'feed' }), { ...DEFAULT_FEED_OPTIONS, ...options.feed }, {
      catchUp: () => compliance.catchUp(),
      snapshotEntries: () => compliance.snapshotEntries(),
      regimeMetas: () => compliance.regimeMetas(),
      tasks: () => tasks.list(),
    }).attach(feedNsp);
    const commands = new WallCommands(now);
    // The display fleet (issue 9): hellos and status on /control, the board judged on a timer.
    const fleet = new FleetService(store.db, audit, wall, now, log.child({ ns: 'fleet' }), options.fleetEvaluateMs);
    cleanups.push(() => fleet.stop());
    attachControl(controlNsp, wall, log.child({ ns: 'control' }), commands, wallView, fleet);
    fleet.attach(controlNsp);
    attachPresence(controlNsp, log.child({ ns: 'presence' }), now);

    // Every /api route comes from the table in shared/api/ (the guard refuses any other).
    const router = createRouter(app, { checkResponses: options.checkResponses ?? false });
    registerReadRoutes(router, store, compliance, catalog.regimes);
    registerGeoRoutes(router, options.geoPath ?? paths.geo);
    registerTokenRoutes(router, tokens, (tokenId) => dropSockets((p) => p.kind === 'token' && p.tokenId === tokenId));
    const scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    // Made now, so the first login with an unknown name costs what the others cost.
    await dummyHash(scrypt);
    const endedSessions = (ids: readonly number[]) => dropSockets((p) => p.kind === 'person' && ids.includes(p.sessionId));
    registerSessionRoutes(router, store.db, accounts, audit, {
      lockout: { ...DEFAULT_LOCKOUT, ...options.lockout },
      loginBuckets: new TokenBuckets(options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT, () => now()),
      scrypt,
      now,
      onSessionEnded: (id) => endedSessions([id]),
    });
    registerUserRoutes(router, store.db, accounts, {
      scrypt,
      onSessionsEnded: endedSessions,
      onUserChanged: (userId) => dropSockets((p) => p.kind === 'person' && p.userId === userId),
    });
    registerAuditRoutes(router, audit);
    // A session that expired, or was ended by another process (the user CLI), takes its sockets with it.
    const sweep = setInterval(() => dropSockets((p) => p.kind === 'person' && !accounts.sessions.isLive(p.sessionId)), options.sessionSweepMs ?? 60_000);
    sweep.unref();
    cleanups.push(() => clearInterval(sweep));
    const groupCommit = new GroupCommit(store, compliance, log.child({ ns: 'ingest' }), { ...DEFAULT_GROUP_COMMIT, ...options.ingest });
    registerReportRoutes(router, store, compliance, groupCommit);
    registerWallRoutes(router, wall, layoutsDir, publisher);
    registerTaskRoutes(router, tasks);
    registerLibraryRoutes(router, library, publisher);
    registerSetupRoutes(router, commands, audit);
    registerProfileRoutes(router, profiles);
    registerWallViewRoutes(router, wallView);
    // Briefings (issue 10): stored with versions; the run switches every wall window together.
    const briefings = new BriefingStore(store.db, audit, library, now);
    const briefingRunner = new BriefingRunner(store, briefings, publisher, wallView, audit, now, log.child({ ns: 'briefing' }));
    briefingRunner.attach(controlNsp);
    cleanups.push(() => briefingRunner.stop());
    registerBriefingRoutes(router, briefings);
    registerBriefingRunRoutes(router, briefingRunner);
    registerFleetRoutes(router, fleet);
    await registerStatic(app, options.rendererDir ?? paths.rendererDir);

    let watcher: LayoutWatcher | null = null;
    if (layoutOption?.watch) {
      const file = layoutOption.path;
      watcher = watchLayoutFile(
        file,
        {
          onValid: (next) => {
            const { changed, state } = wall.setLayout(next, { by: 'server', reason: `layout file ${file}` });
            if (changed) log.info('layout file changed; now active', { file, layout: next.id, revision: state.revision });
          },
          onInvalid: (errors, total) => log.error(`layout file refused; the wall keeps its last good layout\n${formatErrors(file, errors, total)}`, { file, errors, total }),
        },
        options.watchDebounceMs,
      );
      cleanups.push(() => watcher?.close());
    }

    try {
      await app.listen({ port: options.port ?? 0, host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new StartupError(`port ${options.port} on ${host} is in use; pass another --port (0 = any free port)`, 'startup.address_in_use');
      if (code === 'EADDRNOTAVAIL') throw new StartupError(`${host} is not an address of this machine; check --host`, 'startup.address_unavailable');
      throw error;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
    // A wildcard address is reachable locally through the loopback.
    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

    const url = `http://${urlHost}:${port}`;
    let simulator: SimulatorHandle | null = null;
    if (options.simulate) {
      // Through our own HTTP API, like any agency: validation, rate limits and all.
      simulator = startSimulator({
        server: url,
        adminToken: admin.token,
        rate: options.simulate.rate,
        seed: options.simulate.seed,
        backfill: options.simulate.backfill ?? true,
        log: log.child({ ns: 'simulate' }),
      });
    }

    // After the routes: catches up with a boundary passed while the server was down, then arms the timer.
    publisher.start();

    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      host,
      dataDir: options.dataDir,
      adminToken: admin.token,
      wallToken: wallToken.token,
      db: store.db,
      store,
      catalog,
      compliance,
      simulator,
      wall,
      wallView,
      audit,
      library,
      publisher,
      users: accounts.users,
      sessions: accounts.sessions,
      tasks,
      app,
      log,
      io,
      close() {
        closing ??= (async () => {
          await simulator?.stop();
          compliance.stop();
          publisher.stop();
          briefingRunner.stop();
          fleet.stop();
          clearInterval(sweep);
          watcher?.close();
          // Drop the sockets first (their engine would otherwise keep the HTTP server open),
          // then stop HTTP, then close the database once nothing can write.
          io.disconnectSockets(true);
          io.engine.close();
          await app.close();
          await checkpointer.stop();
          store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // Already failing; the first error is the one to report.
      }
    }
    await app.close().catch(() => undefined);
    throw error;
  }
}

/**
 * A seeded store takes the seed file's corrections as new vintages. The file is needed on
 * the first start only: later, a missing or faulty file is reported and the store is left
 * as it is, rather than refusing to start a wall that has its figures.
 */
function reviseNationalSeed(store: Store, csvPath: string, catalog: Catalog, log: Logger): void {
  try {
    const revision = reviseFromSeedFile(store, csvPath, catalog);
    if (revision && (revision.added > 0 || revision.revised > 0)) {
      log.info('national indicators: the seed file changed; corrected figures recorded as new vintages', { file: csvPath, ...revision });
    } else if (revision && revision.keptReports.length > 0) {
      log.debug('national indicators: the seed file differs where reports are newer; the reports stay current', { file: csvPath, keptReports: revision.keptReports });
    }
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    log.warn('national indicators: the seed file could not be taken; the store keeps its figures', { file: csvPath, err: error.message });
  }
}
