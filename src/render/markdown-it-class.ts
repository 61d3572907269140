/**
 * markdown-it's class, loaded through the package's CommonJS entry (`dist/index.cjs.js`, which
 * requires the same installed linkify-it, mdurl, entities, uc.micro and punycode) rather than
 * its graph of ES modules: every build and every quick rebuild renders Markdown, and resolving
 * and linking that graph took about as long as the rest of the renderer's modules together.
 * Same version, same code, same output.
 */
import { createRequire } from "node:module";
import type MarkdownItEsm from "markdown-it";

/**
 * The MarkdownIt class.
 * @example new MarkdownIt({ html: false }).render("*a*") // "<p><em>a</em></p>\n"
 */
export const MarkdownIt = createRequire(import.meta.url)("markdown-it") as typeof MarkdownItEsm;
/** An instance of {@link MarkdownIt}. */
export type MarkdownIt = MarkdownItEsm;
