/**
 * Every article's record as the last full build indexed it, with what shows it elsewhere: the
 * listing pages whose teasers show it, the other article pages whose navigation links it, and
 * whether a feed or the News sitemap carries it. A quick rebuild of a headline edit
 * (quick-listings.ts) reads a few hundred of the 100,000 rows, so each row is read on its own:
 * the file is a table of offsets followed by one JSON text per row, in the manifest's order of
 * files, and a row is found by its position without reading the others.
 *
 * A full build writes the store again, but not every record: the table keeps each record's
 * signature, and a record whose signature is the one the previous store has for its file is
 * copied from that store as bytes. Only the small part of each row that says where it is shown
 * (its places) is written anew, all of them as one text after the records.
 *
 * The file is stamped with the output digest of the build it describes (like the signatures):
 * a store stamped otherwise is not trusted. A quick rebuild appends the rows it changes and
 * points their offsets at them, then stamps the file with its own digest, last.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
import type { ArticleRecord } from "../archive/article-record.ts";
import { writeCacheFile } from "./write-atomic.ts";

/** Where an article is shown, beside its record. */
export interface RecordPlaces {
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

/** One article's row. */
export interface RecordRow extends RecordPlaces {
  record: ArticleRecord;
}

const MAGIC = "GZR3";
/** Room for the digest in the header (a sha1 in hex takes 40). */
const DIGEST_BYTES = 64;
/** Magic, digest, row count, then the offset and length of the list of files. */
const HEADER = 4 + DIGEST_BYTES + 4 + 4 + 4;
/** Per row: the record's offset and length, the places' length and offset, and the record's signature (sha1, 20 bytes). */
const SIGNATURE_BYTES = 20;
const ENTRY = 16 + SIGNATURE_BYTES;

/**
 * Where the store of the build whose manifest is `manifestFile` lives.
 * @example recordStoreFile(".gazette/cache/build-1a2b.json") // ".gazette/cache/build-1a2b.records"
 */
export function recordStoreFile(manifestFile: string): string {
  return `${manifestFile.replace(/\.json$/, "")}.records`;
}

/** The signature as 20 bytes, or undefined for one that is not a sha1 in hex (never reused). */
function signatureBytes(signature: string): Buffer | undefined {
  return /^[0-9a-f]{40}$/.test(signature) ? Buffer.from(signature, "hex") : undefined;
}

/**
 * Writes the store: one row per file of `files` (undefined for a file without a record),
 * stamped with `digest`. A record whose signature the store at `path` (when stamped with
 * `previousDigest`) has for its file is copied from it. Atomic; a failure leaves the old store
 * or none, never a half-written one.
 * @example saveRecordStore(path, manifest.digest, files, rows, previous?.digest)
 */
export function saveRecordStore(path: string, digest: string, files: readonly string[], rows: readonly (RecordRow | undefined)[], previousDigest?: string): void {
  if (rows.length !== files.length) throw new Error(`a row for each of ${files.length} files, not ${rows.length}`);
  const old = previousDigest ? readWhole(path, previousDigest) : undefined;
  const table = Buffer.alloc(HEADER + rows.length * ENTRY);
  // Records first, each copied from the previous store when it has it (runs of them that lie
  // side by side there are copied as one), then every row's places as one text: a hundred
  // thousand small buffers cost more than the JSON they hold.
  const records: Uint8Array[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) records.push(Buffer.from(pending.join(""), "utf8"));
    pending = [];
  };
  const places: string[] = [];
  const placed: number[] = [];
  let offset = table.length;
  let run: { start: number; end: number } | undefined;
  const endRun = () => {
    if (run) records.push(old!.bytes.subarray(run.start, run.end));
    run = undefined;
  };
  rows.forEach((row, i) => {
    if (!row) return;
    const at = HEADER + i * ENTRY;
    const { record, ...where } = row;
    const sig = signatureBytes(row.signature);
    const reused = sig && old?.recordAt(files[i], sig);
    let length: number;
    if (reused) {
      flush();
      if (run && run.end === reused.start) run.end = reused.end;
      else {
        endRun();
        run = { ...reused };
      }
      length = reused.end - reused.start;
    } else {
      endRun();
      const text = JSON.stringify(record);
      pending.push(text);
      length = Buffer.byteLength(text, "utf8");
    }
    const placesText = JSON.stringify(where);
    places.push(placesText);
    placed.push(i);
    table.writeUInt32LE(offset, at);
    table.writeUInt32LE(length, at + 4);
    table.writeUInt32LE(Buffer.byteLength(placesText, "utf8"), at + 8);
    sig?.copy(table, at + 16);
    offset += length;
  });
  endRun();
  flush();
  // The places, after the records: each row's offset of them.
  for (const i of placed) {
    const at = HEADER + i * ENTRY;
    table.writeUInt32LE(offset, at + 12);
    offset += table.readUInt32LE(at + 8);
  }
  const list = Buffer.from(JSON.stringify(files), "utf8");
  writeHeader(table, digest, rows.length, offset, list.length);
  writeCacheFile(path, [table, ...records, Buffer.from(places.join(""), "utf8"), list]);
}

/** The previous store read whole, to copy unchanged records from. */
function readWhole(path: string, digest: string): { bytes: Buffer; recordAt(file: string, signature: Buffer): { start: number; end: number } | undefined } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const head = readHead(bytes, digest);
  if (!head || bytes.length < head.filesAt + head.filesLength || bytes.length < HEADER + head.count * ENTRY) return undefined;
  let files: string[];
  try {
    files = JSON.parse(bytes.toString("utf8", head.filesAt, head.filesAt + head.filesLength)) as string[];
  } catch {
    return undefined;
  }
  if (!Array.isArray(files) || files.length !== head.count) return undefined;
  const position = new Map(files.map((file, i) => [file, i]));
  return {
    bytes,
    recordAt(file, signature) {
      const at = position.get(file);
      if (at === undefined) return undefined;
      const entry = HEADER + at * ENTRY;
      const length = bytes.readUInt32LE(entry + 4);
      if (!length || signature.compare(bytes, entry + 16, entry + 16 + SIGNATURE_BYTES) !== 0) return undefined;
      const start = bytes.readUInt32LE(entry);
      return start + length <= bytes.length ? { start, end: start + length } : undefined;
    },
  };
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
    if (readSync(fd, head, 0, HEADER, 0) !== HEADER) throw new Error("not a store");
    const read = readHead(head, digest);
    if (!read || read.count !== count) throw new Error("another build's store");
    const table = Buffer.alloc(count * ENTRY);
    if (readSync(fd, table, 0, table.length, HEADER) !== table.length) throw new Error("cut short");
    return {
      count,
      row(position) {
        // A row cut short or garbled is a row the store does not have: the caller goes the full way.
        if (!Number.isInteger(position) || position < 0 || position >= count) return undefined;
        const at = position * ENTRY;
        const recordLength = table.readUInt32LE(at + 4);
        const placesLength = table.readUInt32LE(at + 8);
        if (!recordLength) return undefined;
        const recordText = Buffer.alloc(recordLength);
        const placesText = Buffer.alloc(placesLength);
        try {
          if (readSync(fd, recordText, 0, recordLength, table.readUInt32LE(at)) !== recordLength) return undefined;
          if (readSync(fd, placesText, 0, placesLength, table.readUInt32LE(at + 12)) !== placesLength) return undefined;
          const record = JSON.parse(recordText.toString("utf8")) as ArticleRecord;
          const places = JSON.parse(placesText.toString("utf8")) as RecordPlaces;
          return { record, ...places };
        } catch {
          return undefined;
        }
      },
      update(rows, to) {
        const head = Buffer.alloc(HEADER);
        head.set(readHeaderBytes(fd));
        if (rows.size) {
          // Unstamped while rows change: a store cut short by a failure is not trusted.
          stamp(head, "");
          writeSync(fd, head, 0, HEADER, 0);
        }
        let end = fstatSync(fd).size;
        for (const [position, row] of rows) {
          const { record, ...places } = row;
          const recordBytes = Buffer.from(JSON.stringify(record), "utf8");
          const text = Buffer.concat([recordBytes, Buffer.from(JSON.stringify(places), "utf8")]);
          writeSync(fd, text, 0, text.length, end);
          const entry = Buffer.alloc(ENTRY);
          entry.writeUInt32LE(end, 0);
          entry.writeUInt32LE(recordBytes.length, 4);
          entry.writeUInt32LE(text.length - recordBytes.length, 8);
          entry.writeUInt32LE(end + recordBytes.length, 12);
          signatureBytes(row.signature)?.copy(entry, 16);
          writeSync(fd, entry, 0, ENTRY, HEADER + position * ENTRY);
          table.set(entry, position * ENTRY);
          end += text.length;
        }
        stamp(head, to);
        writeSync(fd, head, 0, HEADER, 0);
      },
      close: () => closeSync(fd),
    };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

function readHeaderBytes(fd: number): Buffer {
  const head = Buffer.alloc(HEADER);
  if (readSync(fd, head, 0, HEADER, 0) !== HEADER) throw new Error("record store: header cut short");
  return head;
}

/** The header's fields when `bytes` starts with a store header stamped with `digest`. */
function readHead(bytes: Buffer, digest: string): { count: number; filesAt: number; filesLength: number } | undefined {
  if (!digest || bytes.length < HEADER || bytes.toString("latin1", 0, 4) !== MAGIC) return undefined;
  const end = bytes.indexOf(0, 4);
  const stamped = bytes.toString("latin1", 4, end === -1 || end > 4 + DIGEST_BYTES ? 4 + DIGEST_BYTES : end);
  if (stamped !== digest) return undefined;
  const at = 4 + DIGEST_BYTES;
  return { count: bytes.readUInt32LE(at), filesAt: bytes.readUInt32LE(at + 4), filesLength: bytes.readUInt32LE(at + 8) };
}

function writeHeader(buffer: Buffer, digest: string, count: number, filesAt: number, filesLength: number): void {
  buffer.write(MAGIC, 0, "latin1");
  stamp(buffer, digest);
  buffer.writeUInt32LE(count, 4 + DIGEST_BYTES);
  buffer.writeUInt32LE(filesAt, 4 + DIGEST_BYTES + 4);
  buffer.writeUInt32LE(filesLength, 4 + DIGEST_BYTES + 8);
}

function stamp(buffer: Buffer, digest: string): void {
  if (Buffer.byteLength(digest, "latin1") > DIGEST_BYTES) throw new Error(`a digest of at most ${DIGEST_BYTES} characters, not ${digest.length}`);
  buffer.fill(0, 4, 4 + DIGEST_BYTES);
  buffer.write(digest, 4, "latin1");
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
