// The bare Eleventy baseline's config: what a plain Eleventy 3 news site would have. Plain
// JavaScript on purpose, so the baseline runs on Eleventy alone, without a TypeScript loader.
import { DateTime } from "luxon";
import markdownIt from "markdown-it";

/** @param {import("@11ty/eleventy/UserConfig").default} eleventyConfig */
export default function (eleventyConfig) {
  const md = markdownIt({ html: true });
  // Update notes are Markdown held in front matter, rendered where the layout places them.
  eleventyConfig.addFilter("markdown", (text) => md.render(String(text)));
  // Dates shown in the newsroom's zone, as gazette shows them.
  eleventyConfig.addFilter("longDate", (value, zone) => toDateTime(value, zone).toFormat("cccc, LLLL d, yyyy, h:mm a"));
  eleventyConfig.addFilter("shortDate", (value, zone) => toDateTime(value, zone).toFormat("LLLL d, yyyy"));
  eleventyConfig.addFilter("isoDate", (value, zone) => toDateTime(value, zone).toISO({ suppressMilliseconds: true }));
  return {
    // Article bodies are content, not templates: gazette does not run them through a template
    // engine, so neither does the baseline (Eleventy's default would run Liquid over each one).
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    dir: { includes: "_includes", data: "_data" },
  };
}

function toDateTime(value, zone) {
  const dateTime = value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(String(value));
  return dateTime.setZone(zone);
}
