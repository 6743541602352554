// Over 250 lines: the world is one concept (both systems around one clock), and most of its methods are a few lines each.
import type { MockOptions, MockServer } from '../../mock-accounting/index.js';
import { createClock, DAY_MS, DEMO_DIVISIONS, plainCopy, type Clock } from '../../primitives/index.js';
import { ExactClient, httpFetch, type FetchLike, type PipelinedFetch } from '../exact-client/index.js';
import { Focus } from '../focus/focus.js';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import type { FocusState } from '../focus/state.js';
import {
  connect,
  deactivate,
  FOCUS_APP,
  focusTokenStore,
  NIGHTLY_SYNC_HOUR,
  sync,
  updateSettings,
  type ConnectInput,
  type ConnectReport,
  type DeactivateInput,
  type DeactivateReport,
  type IntegrationContext,
  type SettingsChange,
  type SyncReport,
  type SyncTrigger,
} from '../integration/index.js';
import type { AccountingView, WorldView } from '../invariants/index.js';
import { changeCountOf, startEmbeddedAccounting } from '../testbed/index.js';
import { BackOfficeClient } from './back-office-client.js';
import { WorldSnapshotSchema, type WorldSnapshot } from './snapshot.js';
import { DEFAULT_OVERLAP, DEFAULT_WORLD_START, type WorldOptions } from './world-options.js';

/**
 * A whole testbed: Focus with its integration, an accounting server (embedded on 127.0.0.1 or attached by
 * URL) and one clock for both. Snapshots cover both sides, so a step can be undone exactly.
 * @example
 * const world = await World.create();
 * await world.connect('admin', { startDate: '2026-01-01', invoiceJournal: '70', creditNoteJournal: '71' });
 */
export class World {
  readonly focus: Focus;
  readonly exact: ExactClient;
  readonly backOffice: BackOfficeClient;

  private constructor(
    readonly clock: Clock,
    readonly serverUrl: string,
    private readonly server: MockServer | undefined,
    readonly accountingOptions: Omit<MockOptions, 'clock'>,
    focusState: FocusState | undefined,
    fetch: FetchLike,
    private readonly overlap = 1,
    private readonly orderedFetch?: FetchLike | PipelinedFetch,
  ) {
    this.focus = new Focus(clock, focusState);
    this.backOffice = new BackOfficeClient(serverUrl, fetch);
    this.exact = new ExactClient({
      baseUrl: serverUrl,
      ...FOCUS_APP,
      clock,
      tokens: focusTokenStore(this.focus),
      sleep: (ms) => this.wait(ms),
      fetch,
      orderedFetch,
    });
  }

  /** Starts (or attaches to) an accounting server and builds a world around it. */
  static async create({
    clock,
    serverUrl,
    seed = 'demo',
    file,
    accounting = {},
    focus,
    accountingState,
    transport = 'http',
    overlap = DEFAULT_OVERLAP,
  }: WorldOptions = {}): Promise<World> {
    const worldClock = typeof clock === 'object' ? clock : createClock({ start: clock ?? DEFAULT_WORLD_START, frozen: true });
    if (serverUrl) {
      const world = new World(worldClock, serverUrl.replace(/\/+$/, ''), undefined, accounting, focus, httpFetch);
      const synced = await world.backOffice.setClock(worldClock.now());
      if (!synced.ok) throw new Error(`[booklab] Cannot attach to the accounting server: ${synced.problem.message}`);
      return world;
    }
    const embedded = await startEmbeddedAccounting({
      accounting,
      seed,
      file,
      state: accountingState,
      clock: worldClock,
      transport,
      overlap,
    });
    return new World(worldClock, embedded.server.url, embedded.server, accounting, focus, embedded.fetch, overlap, embedded.orderedFetch);
  }

  /**
   * Starts an embedded world holding a copy of a snapshot known to fit the schema (a live world's, a case file's): both
   * sides are copied in this process, so whatever the world does never changes the caller's snapshot.
   */
  static async copyOf(
    snapshot: WorldSnapshot,
    options: Omit<WorldOptions, 'clock' | 'serverUrl' | 'focus' | 'accountingState'> = {},
  ): Promise<World> {
    return World.create({
      ...options,
      clock: new Date(snapshot.clock).toISOString(),
      focus: plainCopy(snapshot.focus),
      accountingState: plainCopy(snapshot.accounting),
    });
  }

  /** The integration's view of things: Focus and the accounting client. */
  get context(): IntegrationContext {
    return { focus: this.focus, exact: this.exact };
  }

  /** The administration the integration works in (the demo's main one before connecting). */
  get division(): number {
    return this.focus.state.integration?.settings.division ?? DEMO_DIVISIONS.main;
  }

  /** Connects the integration (R4, R13). */
  async connect(userId: string, input: ConnectInput): Promise<FocusResult<ConnectReport>> {
    return connect(this.context, userId, input);
  }

  /** Deactivates the integration with a delink date (R4, R12). */
  deactivate(userId: string, input: DeactivateInput): FocusResult<DeactivateReport> {
    return deactivate(this.context, userId, input);
  }

  /** Changes the integration's mappings or nightly sync (R4). */
  updateSettings(userId: string, change: SettingsChange) {
    return updateSettings(this.context, userId, change);
  }

  /** Runs a manual (R15) or nightly (R17) sync. */
  async sync(trigger: SyncTrigger = 'manual'): Promise<SyncReport> {
    return sync(this.context, { trigger, overlap: this.overlapNow() });
  }

  /** How many posts a sync may overlap now: the world's `overlap` while the server answers each on its merits, else 1. */
  private overlapNow(): number {
    const tool = this.focus.state.integration?.settings.tool;
    return this.server?.answersOnMerits() && tool === 'exact' ? this.overlap : 1;
  }

  /** Moves the clock forward, running the nightly sync each night it passes (R17). */
  async advance(ms: number): Promise<SyncReport[]> {
    const target = this.clock.now() + ms;
    const reports: SyncReport[] = [];
    for (let night = nextNight(this.clock.now()); night <= target; night = nextNight(night)) {
      await this.setTime(night);
      const integration = this.focus.state.integration;
      if (integration?.active && integration.settings.nightlySync && integration.lastNightlyRun !== night) {
        reports.push(await sync(this.context, { trigger: 'nightly', overlap: this.overlapNow() }));
        this.focus.integration.recordNightlyRun(night);
      }
    }
    await this.setTime(target);
    return reports;
  }

  /** Sets the clock of both sides (an attached server is told over its back office). */
  async setTime(epochMs: number): Promise<void> {
    this.clock.set(epochMs);
    if (!this.server) await this.backOffice.setClock(epochMs);
  }

  /** Reads what the accounting package holds for the integration's administration. */
  async readAccounting(division = this.division): Promise<AccountingView> {
    // One read for journals, bookings and relations: a view is read after each dashboard action and step. The embedded
    // server's is read in this process (no faults touch the back office); an attached one's over HTTP.
    if (this.server) {
      const overview = this.server.overview(division);
      if (!overview)
        throw new Error(`[booklab] Cannot read the books of division ${division}: the accounting server has no such division.`);
      return { division, ...overview };
    }
    const overview = await this.backOffice.overview(division);
    if (!overview.ok) throw new Error(`[booklab] Cannot read the books of division ${division}: ${overview.problem.message}`);
    return { division, ...overview.value };
  }

  /** What reading the accounting side depends on (store changes, administration, clock: the year's next number); none attached. */
  private accountingStamp(): string | undefined {
    return this.server ? `${changeCountOf(this.server.store).count} ${this.division} ${this.clock.now()}` : undefined;
  }

  /** The latest reading of the administration's accounting side, and its stamp just before it was read. */
  private lastAccounting: { stamp: string; accounting: AccountingView } | undefined;

  /**
   * The administration's accounting side now: the latest reading while nothing it depends on moved since (most steps
   * and dashboard actions change Focus only or assert), else a new one. An attached server is read every time.
   */
  async currentAccounting(): Promise<AccountingView> {
    const stamp = this.accountingStamp();
    if (stamp !== undefined && this.lastAccounting?.stamp === stamp) return this.lastAccounting.accounting;
    const accounting = await this.readAccounting();
    this.lastAccounting = stamp === undefined ? undefined : { stamp, accounting };
    return accounting;
  }

  /** Both sides, now: what the invariants are checked on and the dashboard shows. */
  async view(): Promise<WorldView> {
    return { focus: this.focus.snapshot(), accounting: await this.currentAccounting() };
  }

  /** Takes a snapshot of both sides and the clock. */
  async snapshot(): Promise<WorldSnapshot> {
    const accounting = await this.backOffice.state();
    if (!accounting.ok) throw new Error(`[booklab] Cannot snapshot the accounting server: ${accounting.problem.message}`);
    return { version: 1, clock: this.clock.now(), focus: this.focus.snapshot(), accounting: accounting.value };
  }

  /** Restores both sides and the clock from a snapshot (`validated`: it was already checked against the schema, as readCaseFile does). */
  async restore(snapshot: WorldSnapshot, { validated = false }: { validated?: boolean } = {}): Promise<FocusResult<void>> {
    // A snapshot read from a case file was validated as it was read; a second pass would double a big case's load time.
    let valid = snapshot;
    if (!validated) {
      const parsed = WorldSnapshotSchema.safeParse(snapshot);
      if (!parsed.success)
        return refuse(
          problems.invalid(
            `Not a world snapshot: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`,
          ),
        );
      valid = parsed.data;
    }
    const restored = await this.backOffice.restore(valid.accounting);
    if (!restored.ok) return refuse(problems.accountingUnreachable(restored.problem.message));
    // A validated snapshot was not parsed into a copy: its Focus part is copied, so what follows never changes the caller's.
    this.focus.adopt(validated ? plainCopy(valid.focus) : valid.focus);
    await this.setTime(valid.clock);
    return done(undefined);
  }

  /** Stops the embedded server (an attached one keeps running). */
  async close(): Promise<void> {
    if (this.orderedFetch && 'close' in this.orderedFetch) this.orderedFetch.close();
    await this.server?.close();
  }

  /** Waits for a rate-limit reset: virtual time on a frozen clock, real time otherwise. */
  private async wait(ms: number): Promise<void> {
    if (this.clock.frozen) await this.setTime(this.clock.now() + ms);
    else await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** The first nightly-sync moment after `epochMs`. */
function nextNight(epochMs: number): number {
  const day = new Date(epochMs);
  const tonight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), NIGHTLY_SYNC_HOUR);
  return tonight > epochMs ? tonight : tonight + DAY_MS;
}
