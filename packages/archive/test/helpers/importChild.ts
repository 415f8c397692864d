// Runs `lantern import` for each file given after "--", the way the CLI does, in a process the resume test
// kills at random points. Prints "go" when it starts importing.
import { importCommand } from "../../src/index.ts";

const at = process.argv.indexOf("--");
const options = process.argv.slice(2, at);
const files = process.argv.slice(at + 1);
process.stdout.write("go\n");
for (const file of files) await importCommand([file, ...options]);
process.stdout.write("done\n");
