// Runs in every test file: what the temp-dir helpers made is removed when the file ends.
import { afterAll } from "vitest";
import { removeTempDirs } from "../helpers/temp-dirs.ts";

afterAll(removeTempDirs);
