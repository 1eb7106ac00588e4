// Builds the package: one ESM file per source module (so each hook/component keeps its 'use client'
// directive), declarations beside them, and dist/styles.css from src/styles in a fixed order.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { build } from 'tsdown';

const entries = ['src/index.ts', 'src/client/index.ts', 'src/server/index.ts', 'src/testing/index.ts'];

await rm('dist', { recursive: true, force: true });
await build({
  entry: entries,
  format: 'esm',
  platform: 'neutral',
  unbundle: true,
  dts: true,
  outDir: 'dist',
  // Node built-ins are only reached by the fake server's listen() and are imported lazily.
  deps: { neverBundle: [/^node:/] },
  logLevel: 'warn',
});

// tokens.css first: every other sheet reads its variables.
const styleFiles = (await readdir('src/styles')).filter((file) => file.endsWith('.css')).sort();
const ordered = ['tokens.css', ...styleFiles.filter((file) => file !== 'tokens.css')].filter((file) =>
  styleFiles.includes(file),
);
const css = await Promise.all(ordered.map((file) => readFile(`src/styles/${file}`, 'utf8')));
await mkdir('dist', { recursive: true });
await writeFile('dist/styles.css', css.join('\n'));
console.log(`built ${entries.length} entries and dist/styles.css (${ordered.join(', ')})`);
