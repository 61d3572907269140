/**
 * Sentence templates with `{slot}` placeholders, compiled once at module load. Rendering a
 * 100,000-article corpus fills millions of sentences, and splitting each template again per use
 * (or running a regex replace) would dominate generation time.
 */

/** Fills one named slot from the rendering context. */
export type SlotFiller<C> = (ctx: C) => string;

/** A compiled template: call it with a context to get the filled text. */
export type Template<C> = (ctx: C) => string;

/**
 * Compiles `source` against a table of slot fillers; an unknown slot throws at load time, so a
 * typo in a word pool fails the first test instead of printing "{plcae}" into the corpus.
 * @example compileTemplate("Hello, {name}.", { name: () => "Zürich" })({}) // "Hello, Zürich."
 */
export function compileTemplate<C>(source: string, slots: Readonly<Record<string, SlotFiller<C>>>): Template<C> {
  const literals: string[] = [];
  const fillers: SlotFiller<C>[] = [];
  const pattern = /\{([a-zA-Z]+)\}/g;
  let last = 0;
  for (let m = pattern.exec(source); m !== null; m = pattern.exec(source)) {
    const name = m[1] as string;
    const filler = slots[name];
    if (!filler) throw new Error(`Unknown slot {${name}} in template: ${source}`);
    literals.push(source.slice(last, m.index));
    fillers.push(filler);
    last = m.index + m[0].length;
  }
  literals.push(source.slice(last));
  return (ctx: C): string => {
    let out = literals[0] as string;
    for (let i = 0; i < fillers.length; i++) out += (fillers[i] as SlotFiller<C>)(ctx) + (literals[i + 1] as string);
    return out;
  };
}
