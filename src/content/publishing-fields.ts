/**
 * Reading the publishing fields of an article's front matter: `embargo`, `status` with
 * `withdrawn: { at, reason }`, and `aliases`. Every problem is a located issue; a field that
 * fails is left out of the result.
 */
import type { DateTime } from "luxon";
import { readDate } from "./dates.ts";
import type { FieldLocator } from "./image-field.ts";
import { contentIssue, type ContentIssue } from "../issues/content-issue.ts";
import type { Withdrawal } from "../model.ts";
import { aliasProblem } from "../publishing/alias-paths.ts";

/** The publishing fields as read. */
export interface PublishingFields {
  embargo?: DateTime;
  withdrawn?: Withdrawal;
  aliases?: string[];
  /** 1-based line of each alias, in the order of `aliases`. */
  aliasLines?: number[];
}

/** The values `status` may take. */
export const STATUSES = ["published", "withdrawn"] as const;

/**
 * Reads `embargo`, `status`/`withdrawn` and `aliases` from `data`, pushing issues.
 * @example readPublishingFields({ embargo: "2024-05-01T06:00:00Z" }, at, issues, "UTC").embargo?.toISO() // "2024-05-01T06:00:00.000Z"
 */
export function readPublishingFields(data: Record<string, unknown>, at: FieldLocator, issues: ContentIssue[], zone: string): PublishingFields {
  const fields: PublishingFields = {};
  const single = (key: string, value: unknown) => {
    if (typeof value !== "object" || value === null) return true;
    issues.push(contentIssue("field-not-scalar", at([key]), `${key} must be one value, found ${Array.isArray(value) ? "a list" : "a mapping"}.`));
    return false;
  };

  if (data.embargo !== undefined && data.embargo !== null && single("embargo", data.embargo)) {
    const reading = readDate(data.embargo, zone);
    if (reading.ok) fields.embargo = reading.value;
    else issues.push(contentIssue("embargo-invalid", at(["embargo"]), `The embargo cannot be used: ${reading.reason}.`));
  }

  const status = data.status ?? "published";
  if (single("status", status) && !(STATUSES as readonly unknown[]).includes(status)) {
    issues.push(contentIssue("status-invalid", at(["status"]), `status is "${String(status)}".`));
  } else if (status === "withdrawn") {
    const withdrawn = readWithdrawal(data.withdrawn, at, issues, zone);
    if (withdrawn) fields.withdrawn = withdrawn;
  } else if (data.withdrawn !== undefined && data.withdrawn !== null) {
    issues.push(contentIssue("withdrawn-invalid", at(["withdrawn"]), "withdrawn is given, but status is not withdrawn.", { hint: "Add status: withdrawn to withdraw the article, or remove withdrawn." }));
  }

  if (data.aliases !== undefined && data.aliases !== null) {
    const list = Array.isArray(data.aliases) ? data.aliases : typeof data.aliases === "string" ? [data.aliases] : undefined;
    if (!list) {
      issues.push(contentIssue("alias-invalid", at(["aliases"]), "aliases must be a list of site paths, found a mapping."));
    } else {
      const aliases: string[] = [];
      const lines: number[] = [];
      list.forEach((alias, index) => {
        const path = Array.isArray(data.aliases) ? ["aliases", index] : ["aliases"];
        const problem = typeof alias === "string" ? aliasProblem(alias) : `it is ${alias === null ? "empty" : `not text but ${typeof alias === "object" ? "a list or mapping" : `the ${typeof alias} ${String(alias)}`}`}`;
        if (problem) {
          issues.push(contentIssue("alias-invalid", at(path), `The alias ${typeof alias === "string" ? `"${alias}"` : index + 1} is not a site path: ${problem}.`));
        } else if (!aliases.includes(alias as string)) {
          aliases.push(alias as string);
          lines.push(at(path).line);
        }
      });
      if (aliases.length) {
        fields.aliases = aliases;
        fields.aliasLines = lines;
      }
    }
  }
  return fields;
}

/** `withdrawn: { at, reason }` of a withdrawn article. */
function readWithdrawal(value: unknown, at: FieldLocator, issues: ContentIssue[], zone: string): Withdrawal | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    issues.push(contentIssue("withdrawn-invalid", at(value === undefined ? ["status"] : ["withdrawn"]), "The article is withdrawn but says neither when nor why (withdrawn: { at, reason })."));
    return undefined;
  }
  const { at: when, reason } = value as Record<string, unknown>;
  let ok = true;
  let instant: DateTime | undefined;
  if (when === undefined || when === null || when === "") {
    issues.push(contentIssue("withdrawn-invalid", at(["withdrawn"]), "withdrawn has no at: when the article was withdrawn."));
    ok = false;
  } else {
    const reading = readDate(when, zone);
    if (reading.ok) instant = reading.value;
    else {
      issues.push(contentIssue("withdrawn-invalid", at(["withdrawn", "at"]), `withdrawn.at cannot be used: ${reading.reason}.`));
      ok = false;
    }
  }
  if (typeof reason !== "string" || !reason.trim()) {
    issues.push(contentIssue("withdrawn-invalid", at(reason === undefined ? ["withdrawn"] : ["withdrawn", "reason"]), "withdrawn has no reason: the text readers see on the tombstone."));
    ok = false;
  }
  return ok && instant ? { at: instant, reason: (reason as string).trim() } : undefined;
}
