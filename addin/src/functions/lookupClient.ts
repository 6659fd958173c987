// The one client of the Teamsheet formulas: every cell Excel (or the preview workbook) asks about
// within a short window goes to the server as one POST /api/lookups; answers are kept until a refresh,
// and a refresh asks again with the batch's ETag, so an unchanged server answers 304 and nothing moves.
import {
  MAX_LOOKUP_CELLS,
  parseLookupCell,
  type LookupAnswer,
  type LookupCell,
  type LookupResponse,
  type Locale,
} from '@teamsheet/shared';

/** How the client reaches the server: a POST of a lookups body, with the If-None-Match it was given. */
export type LookupTransport = (
  body: { cells: LookupCell[] },
  ifNoneMatch: string | undefined,
) => Promise<{ status: 200; etag?: string; body: LookupResponse } | { status: 304 }>;

export type LookupClientOptions = {
  transport: LookupTransport;
  locale: () => Locale;
  /**
   * How long calls are collected before one request goes (ms). Excel hands a recalculation's custom
   * function calls over in bursts across a few tasks, so a short timer gathers them where a microtask
   * would split them; 0 still batches everything called in the same task.
   */
  windowMs?: number;
  /**
   * A refresh asked for from outside this client — in Excel, by the pane, which runs apart from the
   * functions: a token that changes on each refresh (OfficeRuntime.storage), read once per window.
   */
  refreshToken?: () => Promise<string | null>;
};

type Pending = { cell: LookupCell; key: string; resolve: (a: LookupAnswer) => void };
type Cached = { answer: LookupAnswer; batch: Batch; stale: boolean };
type Batch = { keys: string; etag: string | undefined };

const keyOf = (cell: LookupCell) => JSON.stringify([cell.fn, ...cell.args]);

export class LookupClient {
  private queue: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<LookupAnswer>>();
  /** Requests sent, for the pane and the tests (N cells of one recalculation → 1). */
  requests = 0;

  constructor(private readonly options: LookupClientOptions) {}

  /**
   * One cell's answer. Bad arguments are answered here (#VALUE!) without asking the server; a cell
   * answered before and not refreshed since comes from the cache.
   */
  async lookup(cell: LookupCell): Promise<LookupAnswer> {
    if (this.options.refreshToken) await this.checkRefresh(this.options.refreshToken);
    return this.lookupNow(cell);
  }

  private refreshCheck: Promise<void> | undefined;
  private lastToken: string | null | undefined;
  private checkRefresh(read: () => Promise<string | null>): Promise<void> {
    this.refreshCheck ??= (async () => {
      const token = await read().catch(() => this.lastToken ?? null);
      if (this.lastToken !== undefined && token !== this.lastToken) this.refresh();
      this.lastToken = token;
      setTimeout(() => (this.refreshCheck = undefined), this.options.windowMs ?? 10);
    })();
    return this.refreshCheck;
  }

  private lookupNow(cell: LookupCell): Promise<LookupAnswer> {
    const parsed = parseLookupCell(cell, this.options.locale());
    if (!parsed.ok) return Promise.resolve({ error: 'value', message: parsed.problem.message });
    const key = keyOf(cell);
    const cached = this.cache.get(key);
    if (cached && !cached.stale) return Promise.resolve(cached.answer);
    const flying = this.inFlight.get(key);
    if (flying) return flying;
    const promise = new Promise<LookupAnswer>((resolve) => {
      this.queue.push({ cell, key, resolve });
      this.timer ??= setTimeout(() => void this.flush(), this.options.windowMs ?? 10);
    });
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Marks every answer stale: the next recalculation asks the server again (304 when nothing changed). */
  refresh(): void {
    for (const c of this.cache.values()) c.stale = true;
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const queue = this.queue;
    this.queue = [];
    for (let i = 0; i < queue.length; i += MAX_LOOKUP_CELLS)
      await this.send(queue.slice(i, i + MAX_LOOKUP_CELLS));
  }

  private async send(part: Pending[]): Promise<void> {
    const keys = part.map((p) => p.key).join('\n');
    // The same cells as a batch answered before: ask with its ETag, and keep its answers on a 304.
    const previous = this.cache.get(part[0]!.key)?.batch;
    const ifNoneMatch = previous && previous.keys === keys ? previous.etag : undefined;
    const settle = (answers: LookupAnswer[], batch: Batch | undefined) => {
      part.forEach((p, i) => {
        const answer = answers[i]!;
        if (batch) this.cache.set(p.key, { answer, batch, stale: false });
        this.inFlight.delete(p.key);
        p.resolve(answer);
      });
    };
    try {
      this.requests += 1;
      const res = await this.options.transport({ cells: part.map((p) => p.cell) }, ifNoneMatch);
      if (res.status === 304)
        settle(
          part.map((p) => this.cache.get(p.key)!.answer),
          previous,
        );
      else settle(res.body.cells, { keys, etag: res.etag });
    } catch (error) {
      // Not cached: the next recalculation tries again.
      const message = error instanceof Error ? error.message : String(error);
      settle(
        part.map(() => ({ error: 'na', message })),
        undefined,
      );
    }
  }
}
