// Runs PGlite's initdb into the directory given as the only argument, then exits. The indexer runs it as
// a child process because initdb's WebAssembly instance would otherwise stay in the indexer's memory for
// good (about 450 MB of RSS, measured), which matters for a process meant to stay under 1 GB.
import { PGlite } from "@electric-sql/pglite";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: initPglite.mjs <data directory>");
  process.exit(2);
}
const db = await PGlite.create({ dataDir: dir });
await db.close();
