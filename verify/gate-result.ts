/**
 * What every gate returns: the failures it found (empty means it passed), notes worth printing,
 * and how long it took. Each gate extends the failure with its own details.
 */

/** One problem a gate found. */
export interface GateFailure {
  /** Where: a file, URL or page kind, as a person would look it up. */
  where: string;
  message: string;
}

/** The outcome of one gate over one site. */
export interface GateResult<F extends GateFailure = GateFailure> {
  gate: string;
  /** What was checked, for the summary: "528 HTML files", "5 pages × 2 colour schemes". */
  checked: string;
  failures: F[];
  /** Facts worth printing that are not failures (scores, skipped steps, warnings). */
  notes: string[];
  ms: number;
}

/**
 * Times `work` and packs its outcome as a gate result.
 * @example await timed("html", async () => ({ checked: "3 files", failures: [], notes: [] }))
 */
export async function timed<F extends GateFailure>(
  gate: string,
  work: () => Promise<Omit<GateResult<F>, "gate" | "ms">>,
): Promise<GateResult<F>> {
  const started = performance.now();
  const result = await work();
  return { gate, ...result, ms: Math.round(performance.now() - started) };
}

/**
 * One line per failure, for messages and test output.
 * @example formatFailures(result) // "html: /politics/index.html:12:4 Stray end tag “div”."
 */
export function formatFailures(result: GateResult): string {
  return result.failures.map((f) => `${result.gate}: ${f.where} ${f.message}`).join("\n");
}
