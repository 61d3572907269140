/**
 * Every article's record as the last full build indexed it, with what shows it elsewhere: the
 * listing pages whose teasers show it, the other article pages whose navigation links it, and
 * whether a feed or the News sitemap carries it. A quick rebuild of a headline edit
 * (quick-listings.ts) reads a few hundred of the 100,000 rows, so each row is read on its own:
 * the file is a table of offsets followed by one JSON text per row, in the manifest's order of
 * files, and a row is found by its position without reading the others.
 *
 * The file is stamped with the output digest of the build it describes (like the signatures):
 * a store stamped otherwise is not trusted. A quick rebuild appends the rows it changes and
 * points their offsets at them, then stamps the file with its own digest, last.
 */
import { closeSync, openSync, readSync, writeSync, fstatSync } from "node:fs";
import type { ArticleRecord } from "../archive/article-record.ts";
import { writeCacheFile } from "./write-atomic.ts";

/** One article's row. */
export interface RecordRow {
  record: ArticleRecord;
  /** The record's digest, as the listing signatures identify the teaser by it. */
  signature: string;
  /** True when the article is published in this build (not a draft, embargoed or withdrawn). */
  listed: boolean;
  /** The listing pages that show the article, by URL. */
  shownOn: string[];
  /** The other articles whose pages link it in their navigation (previous, next, related), by file. */
  shownBy: string[];
  /** True when a feed or the News sitemap carries it. */
  syndicated: boolean;
}

const MAGIC = "GZRS";
/** Room for the digest in the header (a sha1 in hex takes 40). */
const DIGEST_BYTES = 64;
const HEADER = 4 + DIGEST_BYTES + 4;

/**
 * Where the store of the build whose manifest is `manifestFile` lives.
 * @example recordStoreFile(".gazette/cache/build-1a2b.json") // ".gazette/cache/build-1a2b.records"
 */
export function recordStoreFile(manifestFile: string): string {
  return `${manifestFile.replace(/\.json$/, "")}.records`;
}

/**
 * Writes the store: one row per position (undefined for a file without a record), stamped
 * with `digest`. Atomic; a failure leaves no store (the next quick rebuild goes the full way).
 * @example saveRecordStore(path, manifest.digest, rows)
 */
export function saveRecordStore(path: string, digest: string, rows: readonly (RecordRow | undefined)[]): void {
  const texts = rows.map((row) => Buffer.from(row ? JSON.stringify(row) : "", "utf8"));
  const table = Buffer.alloc(HEADER + rows.length * 8);
  writeHeader(table, digest, rows.length);
  let offset = table.length;
  texts.forEach((text, i) => {
    table.writeUInt32LE(offset, HEADER + i * 8);
    table.writeUInt32LE(text.length, HEADER + i * 8 + 4);
    offset += text.length;
  });
  writeCacheFile(path, Buffer.concat([table, ...texts]));
}

/** An open store: its rows by position, and the way to change some of them. */
export interface RecordStore {
  count: number;
  /** The row at `position`, or undefined for a file without a record (or a row that does not read whole). */
  row(position: number): RecordRow | undefined;
  /** Appends new texts for the rows at the given positions, then stamps the store with `digest`. */
  update(rows: ReadonlyMap<number, RecordRow>, digest: string): void;
  close(): void;
}

/**
 * The store at `path` if it is stamped with `digest` and holds `count` rows, else undefined.
 * @example openRecordStore(path, index.digest, index.stamps.files.length)?.row(12)?.shownOn // ["/", "/politics/"]
 */
export function openRecordStore(path: string, digest: string, count: number): RecordStore | undefined {
  // The empty digest is what a store being changed is stamped with.
  if (!digest) return undefined;
  let fd: number;
  try {
    fd = openSync(path, "r+");
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(HEADER);
    if (readSync(fd, head, 0, HEADER, 0) !== HEADER || head.toString("latin1", 0, 4) !== MAGIC) throw new Error("not a store");
    if (readDigest(head) !== digest || head.readUInt32LE(4 + DIGEST_BYTES) !== count) throw new Error("another build's store");
    const table = Buffer.alloc(count * 8);
    if (readSync(fd, table, 0, table.length, HEADER) !== table.length) throw new Error("cut short");
    return {
      count,
      row(position) {
        // A row cut short or garbled is a row the store does not have: the caller goes the full way.
        if (!Number.isInteger(position) || position < 0 || position >= count) return undefined;
        const length = table.readUInt32LE(position * 8 + 4);
        if (!length) return undefined;
        const text = Buffer.alloc(length);
        try {
          if (readSync(fd, text, 0, length, table.readUInt32LE(position * 8)) !== length) return undefined;
          return JSON.parse(text.toString("utf8")) as RecordRow;
        } catch {
          return undefined;
        }
      },
      update(rows, to) {
        const head = Buffer.alloc(HEADER);
        if (rows.size) {
          // Unstamped while rows change: a store cut short by a failure is not trusted.
          writeHeader(head, "", count);
          writeSync(fd, head, 0, HEADER, 0);
        }
        let end = fstatSync(fd).size;
        for (const [position, row] of rows) {
          const text = Buffer.from(JSON.stringify(row), "utf8");
          writeSync(fd, text, 0, text.length, end);
          const entry = Buffer.alloc(8);
          entry.writeUInt32LE(end, 0);
          entry.writeUInt32LE(text.length, 4);
          writeSync(fd, entry, 0, 8, HEADER + position * 8);
          table.set(entry, position * 8);
          end += text.length;
        }
        writeHeader(head, to, count);
        writeSync(fd, head, 0, HEADER, 0);
      },
      close: () => closeSync(fd),
    };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

function writeHeader(buffer: Buffer, digest: string, count: number): void {
  if (Buffer.byteLength(digest, "latin1") > DIGEST_BYTES) throw new Error(`a digest of at most ${DIGEST_BYTES} characters, not ${digest.length}`);
  buffer.write(MAGIC, 0, "latin1");
  buffer.fill(0, 4, 4 + DIGEST_BYTES);
  buffer.write(digest, 4, "latin1");
  buffer.writeUInt32LE(count, 4 + DIGEST_BYTES);
}

function readDigest(head: Buffer): string {
  const end = head.indexOf(0, 4);
  return head.toString("latin1", 4, end === -1 || end > 4 + DIGEST_BYTES ? 4 + DIGEST_BYTES : end);
}

/**
 * Stamps the store at `path` with `to` when it is stamped with `from` and holds `count` rows
 * (a quick rebuild that changes no record). Never throws: an unstamped store is only a
 * headline edit that goes the full way.
 * @example restampRecordStore(path, index.digest, digest, index.stamps.files.length)
 */
export function restampRecordStore(path: string, from: string, to: string, count: number): void {
  try {
    const store = openRecordStore(path, from, count);
    if (!store) return;
    try {
      store.update(new Map(), to);
    } finally {
      store.close();
    }
  } catch {
    // As above.
  }
}
