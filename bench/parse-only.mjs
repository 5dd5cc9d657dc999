// The baseline: read every QMS file of a workspace and run the yaml package's parseDocument on
// it, nothing else, on one thread. Prints the elapsed milliseconds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';

const root = process.argv[2];
const started = performance.now();
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name === 'qms.yaml' || name.endsWith('.qms.yaml')) files.push(full);
  }
};
walk(root);
let nodes = 0;
for (const file of files) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.contents) nodes++;
}
process.stdout.write(JSON.stringify({ files: files.length, parsed: nodes, ms: performance.now() - started }) + '\n');
