/**
 * Every article's record as the last full build indexed it, with what shows it elsewhere (its
 * places): the listing pages whose teasers show it, the other article pages whose navigation
 * links it, and whether a feed or the News sitemap carries it. A quick rebuild of a headline
 * edit (quick-listings.ts) reads a few hundred of the 100,000 rows, so each row is read on its
 * own: a table gives each row's offsets, in the manifest's order of files, and a row is found
 * by its position without reading the others.
 *
 * A full build writes the store again, and at 100,000 articles that is work on every full
 * build, so it is kept small: a record whose signature is the one the previous store has for
 * its file is copied from that store as bytes, and the places are integers (indices into the
 * store's list of listing URLs and of files) written into one buffer, not JSON per row.
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
  /** The record's digest, as the listing signatures identify the teaser by it (a sha1 in hex). */
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

const MAGIC = "GZR4";
/** Room for the digest in the header (a sha256 in hex takes 64). */
const DIGEST_BYTES = 64;
/** Magic, digest, row count, then the offset and length of the lists (files, then URLs). */
const HEADER = 4 + DIGEST_BYTES + 4 + 4 * 4;
/** Per row: the record's offset and length, the places' offset and length, the record's signature (sha1, 20 bytes). */
const SIGNATURE_BYTES = 20;
const ENTRY = 16 + SIGNATURE_BYTES;
const LISTED = 1;
const SYNDICATED = 2;

/**
 * Where the store of the build whose manifest is `manifestFile` lives.
 * @example recordStoreFile(".gazette/cache/build-1a2b.json") // ".gazette/cache/build-1a2b.records"
 */
export function recordStoreFile(manifestFile: string): string {
  return `${manifestFile.replace(/\.json$/, "")}.records`;
}

/** The signature as 20 bytes, or undefined for one that is not a sha1 in hex (such a row is not stored). */
function signatureBytes(signature: string): Buffer | undefined {
  return signature.length === 40 && /^[0-9a-f]{40}$/.test(signature) ? Buffer.from(signature, "hex") : undefined;
}

/** The places as integers: flags, then the counts and indices of the pages and the files that show the article. */
function encodePlaces(row: RecordPlaces, urlIndex: (url: string) => number | undefined, fileIndex: (file: string) => number | undefined): Buffer | undefined {
  const bytes = Buffer.alloc(9 + 4 * (row.shownOn.length + row.shownBy.length));
  bytes.writeUInt8((row.listed ? LISTED : 0) | (row.syndicated ? SYNDICATED : 0), 0);
  bytes.writeUInt32LE(row.shownOn.length, 1);
  bytes.writeUInt32LE(row.shownBy.length, 5);
  let at = 9;
  for (const [values, index] of [[row.shownOn, urlIndex], [row.shownBy, fileIndex]] as const) {
    for (const value of values) {
      const i = index(value);
      if (i === undefined) return undefined;
      bytes.writeUInt32LE(i, at);
      at += 4;
    }
  }
  return bytes;
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
  const fileIndex = new Map(files.map((file, i) => [file, i]));
  const urls: string[] = [];
  const urlIndex = new Map<string, number>();
  let placesLength = 0;
  for (const row of rows) {
    if (!row) continue;
    for (const url of row.shownOn) {
      if (!urlIndex.has(url)) urlIndex.set(url, urls.push(url) - 1);
    }
    placesLength += 9 + 4 * (row.shownOn.length + row.shownBy.length);
  }
  const table = Buffer.alloc(HEADER + rows.length * ENTRY);
  const places = Buffer.alloc(placesLength);
  // Records first, each copied from the previous store when it has it (runs of them that lie
  // side by side there are copied as one slice), then the places.
  const records: Uint8Array[] = [];
  let pending: string[] = [];
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (pending.length) records.push(Buffer.from(pending.join(""), "utf8"));
    pending = [];
    if (run) records.push(old!.bytes.subarray(run.start, run.end));
    run = undefined;
  };
  let offset = table.length;
  let placesAt = 0;
  const placed: [at: number, placesAt: number, length: number][] = [];
  rows.forEach((row, i) => {
    const sig = row && signatureBytes(row.signature);
    if (!row || !sig) return;
    const encoded = encodePlaces(row, (url) => urlIndex.get(url), (file) => fileIndex.get(file));
    if (!encoded) return;
    const reused = old?.recordAt(files[i], sig);
    let length: number;
    if (reused) {
      if (pending.length || !run || run.end !== reused.start) {
        flush();
        run = { ...reused };
      } else run.end = reused.end;
      length = reused.end - reused.start;
    } else {
      if (run) flush();
      const text = JSON.stringify(row.record);
      pending.push(text);
      length = Buffer.byteLength(text, "utf8");
    }
    const at = HEADER + i * ENTRY;
    table.writeUInt32LE(offset, at);
    table.writeUInt32LE(length, at + 4);
    sig.copy(table, at + 16);
    encoded.copy(places, placesAt);
    placed.push([at, placesAt, encoded.length]);
    placesAt += encoded.length;
    offset += length;
  });
  flush();
  for (const [at, from, length] of placed) {
    table.writeUInt32LE(offset + from, at + 8);
    table.writeUInt32LE(length, at + 12);
  }
  offset += placesAt;
  const lists = [Buffer.from(JSON.stringify(files), "utf8"), Buffer.from(JSON.stringify(urls), "utf8")];
  writeHeader(table, digest, rows.length, [offset, lists[0].length, offset + lists[0].length, lists[1].length]);
  writeCacheFile(path, [table, ...records, places.subarray(0, placesAt), ...lists]);
}

/** The header's fields. */
interface Head {
  count: number;
  /** Offset and length of the list of files, then of the list of URLs. */
  lists: [filesAt: number, filesLength: number, urlsAt: number, urlsLength: number];
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
  if (!head || bytes.length < HEADER + head.count * ENTRY) return undefined;
  const files = readList(bytes, head.lists[0], head.lists[1], head.count);
  if (!files) return undefined;
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

/** A list of strings the store holds, or undefined when it does not read whole (or has not `count` items). */
function readList(bytes: Buffer, at: number, length: number, count?: number): string[] | undefined {
  if (at + length > bytes.length) return undefined;
  try {
    const list = JSON.parse(bytes.toString("utf8", at, at + length)) as unknown;
    return Array.isArray(list) && (count === undefined || list.length === count) && list.every((item) => typeof item === "string") ? (list as string[]) : undefined;
  } catch {
    return undefined;
  }
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
    const head = readHead(readHeaderBytes(fd), digest);
    if (!head || head.count !== count) throw new Error("another build's store");
    const table = Buffer.alloc(count * ENTRY);
    if (readSync(fd, table, 0, table.length, HEADER) !== table.length) throw new Error("cut short");
    // The lists are read when a row is first read: a store that is only restamped needs neither.
    let lists: { files: string[]; urls: string[]; fileIndex?: Map<string, number>; urlIndex?: Map<string, number> } | undefined;
    const listsOf = () => {
      if (lists) return lists;
      const [filesAt, filesLength, urlsAt, urlsLength] = head.lists;
      const bytes = Buffer.alloc(urlsAt + urlsLength - filesAt);
      if (readSync(fd, bytes, 0, bytes.length, filesAt) !== bytes.length) return undefined;
      const files = readList(bytes, 0, filesLength, count);
      const urls = readList(bytes, urlsAt - filesAt, urlsLength);
      return files && urls ? (lists = { files, urls }) : undefined;
    };
    const readAt = (offset: number, length: number) => {
      const bytes = Buffer.alloc(length);
      return readSync(fd, bytes, 0, length, offset) === length ? bytes : undefined;
    };
    return {
      count,
      row(position) {
        // A row cut short or garbled is a row the store does not have: the caller goes the full way.
        if (!Number.isInteger(position) || position < 0 || position >= count) return undefined;
        const at = position * ENTRY;
        const recordLength = table.readUInt32LE(at + 4);
        if (!recordLength) return undefined;
        try {
          const { files, urls } = listsOf() ?? {};
          const recordText = readAt(table.readUInt32LE(at), recordLength);
          const places = readAt(table.readUInt32LE(at + 8), table.readUInt32LE(at + 12));
          if (!files || !urls || !recordText || !places || places.length < 9) return undefined;
          const on = places.readUInt32LE(1);
          const by = places.readUInt32LE(5);
          if (places.length !== 9 + 4 * (on + by)) return undefined;
          const item = (list: string[], i: number) => {
            const value = list[places.readUInt32LE(9 + 4 * i)];
            if (value === undefined) throw new Error("an index outside the list");
            return value;
          };
          return {
            record: JSON.parse(recordText.toString("utf8")) as ArticleRecord,
            signature: table.toString("hex", at + 16, at + 16 + SIGNATURE_BYTES),
            listed: (places[0] & LISTED) !== 0,
            shownOn: Array.from({ length: on }, (_, i) => item(urls, i)),
            shownBy: Array.from({ length: by }, (_, i) => item(files, on + i)),
            syndicated: (places[0] & SYNDICATED) !== 0,
          };
        } catch {
          return undefined;
        }
      },
      update(rows, to) {
        const head = readHeaderBytes(fd);
        if (rows.size) {
          // Unstamped while rows change: a store cut short by a failure is not trusted.
          stamp(head, "");
          writeSync(fd, head, 0, HEADER, 0);
        }
        let end = fstatSync(fd).size;
        for (const [position, row] of rows) {
          const known = listsOf();
          if (known) {
            known.fileIndex ??= new Map(known.files.map((file, i) => [file, i]));
            known.urlIndex ??= new Map(known.urls.map((url, i) => [url, i]));
          }
          const sig = signatureBytes(row.signature);
          const places = known && encodePlaces(row, (url) => known.urlIndex!.get(url), (file) => known.fileIndex!.get(file));
          const entry = Buffer.alloc(ENTRY);
          // A row that cannot be written as integers (a page the store does not list) is left without a record: its next edit goes the full way.
          if (sig && places) {
            const recordBytes = Buffer.from(JSON.stringify(row.record), "utf8");
            const text = Buffer.concat([recordBytes, places]);
            writeSync(fd, text, 0, text.length, end);
            entry.writeUInt32LE(end, 0);
            entry.writeUInt32LE(recordBytes.length, 4);
            entry.writeUInt32LE(end + recordBytes.length, 8);
            entry.writeUInt32LE(places.length, 12);
            sig.copy(entry, 16);
            end += text.length;
          }
          writeSync(fd, entry, 0, ENTRY, HEADER + position * ENTRY);
          table.set(entry, position * ENTRY);
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
function readHead(bytes: Buffer, digest: string): Head | undefined {
  if (!digest || bytes.length < HEADER || bytes.toString("latin1", 0, 4) !== MAGIC) return undefined;
  const end = bytes.indexOf(0, 4);
  const stamped = bytes.toString("latin1", 4, end === -1 || end > 4 + DIGEST_BYTES ? 4 + DIGEST_BYTES : end);
  if (stamped !== digest) return undefined;
  const at = 4 + DIGEST_BYTES;
  const lists = [0, 1, 2, 3].map((i) => bytes.readUInt32LE(at + 4 + 4 * i)) as Head["lists"];
  return { count: bytes.readUInt32LE(at), lists };
}

function writeHeader(buffer: Buffer, digest: string, count: number, lists: Head["lists"]): void {
  buffer.write(MAGIC, 0, "latin1");
  stamp(buffer, digest);
  buffer.writeUInt32LE(count, 4 + DIGEST_BYTES);
  lists.forEach((value, i) => buffer.writeUInt32LE(value, 4 + DIGEST_BYTES + 4 + 4 * i));
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
