// The embedded adapter of the store port: one SQLite database file (better-sqlite3) in WAL mode with
// synchronous=FULL, so every write is on disk when its call returns and a process killed at any
// moment reopens consistent (SQLite's own recovery of the WAL). One table holds every container:
// (container, partition, id) is the unique key, `type` is indexed inside a partition, and a
// document's JSON text is its body. better-sqlite3 is synchronous: a call holds the event loop for the time the
// database takes, which for one partition is short; large appends are one transaction.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  checkedField,
  containerNames,
  StoreUnavailableError,
  typeList,
  type Collection,
  type ContainerName,
  type PartitionQuery,
  type ReplaceOutcome,
  type StoredDoc,
  type StorePort,
} from './port';

export const SQLITE_FILE = 'teamsheet.sqlite';

// A rowid table with its key as a unique index, not a WITHOUT ROWID table keyed by (container, pk,
// id): in a WITHOUT ROWID table the documents are the key's B-tree, and SQLite compares a search key
// against a whole stored row, overflow pages and all, whenever the row overflows its page — a point
// read next to a ledger block of 300 KB read 300 KB per step of the search (1 ms to read a batch head,
// 2.3 ms a block). Here searches run in the narrow indexes and a body is read once, by rowid.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  rid       INTEGER PRIMARY KEY,
  container TEXT NOT NULL,
  pk        TEXT NOT NULL,
  id        TEXT NOT NULL,
  type      TEXT,
  etag      INTEGER NOT NULL,
  body      TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_key ON documents (container, pk, id);
CREATE INDEX IF NOT EXISTS documents_by_type ON documents (container, pk, type, id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

/** The first layout (one WITHOUT ROWID table `docs`), moved into `documents` once, in one transaction. */
function migrateFirstLayout(db: Database.Database): void {
  const old = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'docs'").get();
  if (!old) return;
  db.transaction(() => {
    db.exec(`INSERT OR IGNORE INTO documents (container, pk, id, type, etag, body)
             SELECT container, pk, id, type, etag, body FROM docs ORDER BY container, pk, id`);
    db.exec('DROP TABLE docs');
  })();
}

type Row = { etag: number; body: string };

/** Opens (creating when missing) the database file; `':memory:'` for a store that lives in the process. */
export function openSqliteStore(file: string): SqliteStore {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  migrateFirstLayout(db);
  return new SqliteStore(db, file);
}

function guard<T>(operation: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    // Constraint failures are answers (a conflict); everything else the database says is the store failing.
    throw new StoreUnavailableError(operation, error);
  }
}

export class SqliteStore implements StorePort {
  readonly kind = 'embedded' as const;
  private readonly collections = new Map<ContainerName, Collection>();
  private readonly statements;

  constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {
    this.statements = {
      read: db.prepare<[string, string, string], Row>(
        'SELECT etag, body FROM documents WHERE container = ? AND pk = ? AND id = ?',
      ),
      insert: db.prepare<[string, string, string, string | null, number, string]>(
        'INSERT OR IGNORE INTO documents (container, pk, id, type, etag, body) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      replace: db.prepare<[number, string, string | null, string, string, string, number]>(
        'UPDATE documents SET etag = ?, body = ?, type = ? WHERE container = ? AND pk = ? AND id = ? AND etag = ?',
      ),
    };
    for (const name of containerNames) this.collections.set(name, this.makeCollection(name));
  }

  describe() {
    return { adapter: 'embedded SQLite', location: this.file };
  }

  collection(name: ContainerName): Collection {
    return this.collections.get(name)!;
  }

  async ping(): Promise<void> {
    guard('answer a read', () => this.db.prepare('SELECT 1').get());
  }

  async scan(name: ContainerName): Promise<StoredDoc[]> {
    const rows = guard('read a container', () =>
      this.db.prepare('SELECT body FROM documents WHERE container = ? ORDER BY pk, id').all(name),
    ) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as StoredDoc);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** A value of the meta table (the one-time import of an earlier store records itself there). */
  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)
      ?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  private makeCollection(name: ContainerName): Collection {
    const { db, statements } = this;
    const typeOf = (doc: StoredDoc) => (typeof doc.type === 'string' ? doc.type : null);
    const createMany = db.transaction((partition: string, docs: readonly StoredDoc[]) => {
      const conflicts: string[] = [];
      for (const doc of docs) {
        const r = statements.insert.run(name, partition, doc.id, typeOf(doc), 1, JSON.stringify(doc));
        if (r.changes === 0) conflicts.push(doc.id);
      }
      // Throwing rolls the transaction back: all or nothing.
      if (conflicts.length > 0) throw new ConflictRollback(conflicts);
    });
    return {
      name,
      async read<T extends StoredDoc>(partition: string, id: string) {
        const row = guard('read a document', () => statements.read.get(name, partition, id));
        if (!row) return undefined;
        return { ...(JSON.parse(row.body) as T), _etag: String(row.etag) };
      },
      async create(partition, doc) {
        const r = guard('store a document', () =>
          statements.insert.run(name, partition, doc.id, typeOf(doc), 1, JSON.stringify(doc)),
        );
        return r.changes === 1 ? 'created' : 'conflict';
      },
      async createAll(partition, docs) {
        try {
          createMany(partition, docs);
          return { conflicts: [] };
        } catch (error) {
          if (error instanceof ConflictRollback) return { conflicts: error.ids };
          throw new StoreUnavailableError('store documents', error);
        }
      },
      async replace(partition, doc, etag): Promise<ReplaceOutcome> {
        const next = Number(etag) + 1;
        const r = guard('replace a document', () =>
          statements.replace.run(
            next,
            JSON.stringify(doc),
            typeOf(doc),
            name,
            partition,
            doc.id,
            Number(etag),
          ),
        );
        return r.changes === 1 ? { status: 'replaced', etag: String(next) } : { status: 'stale' };
      },
      async query<T>(partition: string, query: PartitionQuery = {}) {
        const { sql, params } = toSql(name, partition, query);
        const rows = guard('query documents', () => db.prepare(sql).all(...params) as { body: string }[]);
        const fields = query.fields;
        return rows.map((r) => {
          const doc = JSON.parse(r.body) as Record<string, unknown>;
          if (!fields) return doc as T;
          const picked: Record<string, unknown> = {};
          for (const f of fields) if (doc[f] !== undefined) picked[f] = doc[f];
          return picked as T;
        });
      },
    };
  }
}

class ConflictRollback extends Error {
  constructor(readonly ids: string[]) {
    super(`${ids.length} document(s) exist already`);
  }
}

function toSql(
  container: ContainerName,
  partition: string,
  q: PartitionQuery,
): { sql: string; params: (string | number)[] } {
  const terms = ['container = ?', 'pk = ?'];
  const params: (string | number)[] = [container, partition];
  const types = typeList(q.types);
  if (types.length > 0) {
    terms.push(`type IN (${types.map(() => '?').join(', ')})`);
    params.push(...types);
  }
  for (const [field, value] of Object.entries(q.where ?? {})) {
    terms.push(`json_extract(body, '$.${checkedField(field)}') = ?`);
    params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }
  if (q.idRange?.from !== undefined) {
    terms.push('id >= ?');
    params.push(q.idRange.from);
  }
  if (q.idRange?.to !== undefined) {
    terms.push('id < ?');
    params.push(q.idRange.to);
  }
  // With a type, the type index: left to itself SQLite walks the whole partition in id order (the
  // key index gives ORDER BY id for free) and reads every document to test its type — in a ledger
  // partition of a million claims, 100+ ms to find one batch head.
  let sql = `SELECT body FROM documents INDEXED BY ${types.length > 0 ? 'documents_by_type' : 'documents_key'} WHERE ${terms.join(' AND ')}`;
  sql += q.orderBy
    ? ` ORDER BY json_extract(body, '$.${checkedField(q.orderBy.field)}') ${q.orderBy.descending ? 'DESC' : 'ASC'}, id`
    : ' ORDER BY id';
  if (q.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(Math.max(0, Math.floor(q.limit)));
  }
  return { sql, params };
}
