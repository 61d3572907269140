// Wiring only: the archive pipeline lives in src/, the page templates in layouts/.
import gazettePlugin from "./src/eleventy/gazette-plugin.ts";

interface EleventyConfig {
  setTemplateFormats(formats: string[]): void;
  addPlugin(plugin: unknown, options?: unknown): void;
}

export default function (eleventyConfig: EleventyConfig) {
  // Only the plugin's virtual templates are built: Markdown in the content folder is the
  // archive's data, read by our own pipeline, never an Eleventy template. (Set here, not in the
  // plugin: Eleventy reads the formats before plugins run.)
  eleventyConfig.setTemplateFormats(["11ty.js"]);
  eleventyConfig.addPlugin(gazettePlugin, { content: "content", drafts: false });
}
