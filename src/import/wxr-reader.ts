/**
 * Reading a WordPress export (WXR 1.1/1.2) as a stream: the file is fed to a SAX parser in
 * chunks, the channel's facts (title, link, language, authors, categories) are handed over
 * once the first item begins, and each item as soon as it closes, so no more than one post's
 * text is held at a time.
 */
import { createReadStream } from "node:fs";
import { SaxesParser } from "saxes";

/** The export's facts that come before its items. */
export interface WxrChannel {
  title: string;
  link: string;
  language: string;
  version: string;
  /** Display names by login. */
  authors: Map<string, string>;
  /** Categories by nicename, with their parent's nicename and their name. */
  categories: Map<string, { parent: string; name: string }>;
}

/** One `<item>`: a post, page, attachment or menu item. */
export interface WxrItem {
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  id: string;
  date: string;
  dateGmt: string;
  name: string;
  status: string;
  type: string;
  /** `<category domain="…" nicename="…">name</category>`, in order. */
  terms: { domain: string; nicename: string; name: string }[];
}

/** Where reading the export failed. */
export class WxrError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const ITEM_FIELDS: Record<string, keyof Omit<WxrItem, "terms">> = {
  title: "title",
  link: "link",
  "dc:creator": "creator",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_id": "id",
  "wp:post_date": "date",
  "wp:post_date_gmt": "dateGmt",
  "wp:post_name": "name",
  "wp:status": "status",
  "wp:post_type": "type",
};

/**
 * Streams the export at `path`, calling `onChannel` once and `onItem` for every item in order.
 * Rejects with a WxrError (with line and column) when the XML is broken or is not a WXR export.
 * @example await readWxr("export.xml", (channel) => {…}, (item) => {…})
 */
export async function readWxr(path: string, onChannel: (channel: WxrChannel) => void, onItem: (item: WxrItem) => void): Promise<WxrChannel> {
  const channel: WxrChannel = { title: "", link: "", language: "", version: "", authors: new Map(), categories: new Map() };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  let text = "";
  let item: WxrItem | undefined;
  let term: WxrItem["terms"][number] | undefined;
  let author = { login: "", name: "" };
  let category = { nicename: "", parent: "", name: "" };
  let announced = false;
  let root = "";
  let failure: WxrError | undefined;
  const announce = () => {
    if (announced) return;
    announced = true;
    if (root !== "rss" || !channel.version) throw new WxrError("the file is not a WordPress export (no <rss> with <wp:wxr_version>)", parser.line, parser.column);
    onChannel(channel);
  };
  parser.on("opentag", (tag) => {
    stack.push(tag.name);
    root ||= tag.name;
    text = "";
    if (stack.length === 3 && tag.name === "item") {
      announce();
      item = { title: "", link: "", creator: "", content: "", excerpt: "", id: "", date: "", dateGmt: "", name: "", status: "", type: "", terms: [] };
    } else if (item && stack.length === 4 && tag.name === "category") {
      term = { domain: String(tag.attributes.domain ?? ""), nicename: String(tag.attributes.nicename ?? ""), name: "" };
    }
  });
  parser.on("text", (t) => (text += t));
  parser.on("cdata", (t) => (text += t));
  parser.on("closetag", (tag) => {
    const depth = stack.length;
    const inChannel = stack[1] === "channel";
    if (item && depth === 4) {
      const field = ITEM_FIELDS[tag.name];
      if (field) item[field] = text;
      if (tag.name === "category" && term) item.terms.push({ ...term, name: text.trim() });
    } else if (item && depth === 3 && tag.name === "item") {
      onItem(item);
      item = undefined;
    } else if (inChannel && depth === 3) {
      if (tag.name === "title") channel.title = text.trim();
      else if (tag.name === "link") channel.link = text.trim();
      else if (tag.name === "language") channel.language = text.trim();
      else if (tag.name === "wp:wxr_version") channel.version = text.trim();
      else if (tag.name === "wp:author") channel.authors.set(author.login, author.name || author.login);
      else if (tag.name === "wp:category") channel.categories.set(category.nicename, { parent: category.parent, name: category.name || category.nicename });
      if (tag.name === "wp:author") author = { login: "", name: "" };
      if (tag.name === "wp:category") category = { nicename: "", parent: "", name: "" };
    } else if (inChannel && depth === 4 && stack[2] === "wp:author") {
      if (tag.name === "wp:author_login") author.login = text.trim();
      else if (tag.name === "wp:author_display_name") author.name = text.trim();
    } else if (inChannel && depth === 4 && stack[2] === "wp:category") {
      if (tag.name === "wp:category_nicename") category.nicename = text.trim();
      else if (tag.name === "wp:category_parent") category.parent = text.trim();
      else if (tag.name === "wp:cat_name") category.name = text.trim();
    }
    stack.pop();
    text = "";
  });
  parser.on("error", (error) => {
    failure ??= new WxrError(error.message.replace(/^[^:]*:\d+:\d+: /, ""), parser.line, parser.column);
  });
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 64 * 1024 })) {
    parser.write(chunk as string);
    if (failure) throw failure;
  }
  parser.close();
  if (failure) throw failure;
  announce();
  return channel;
}
