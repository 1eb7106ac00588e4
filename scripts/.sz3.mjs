import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const what = process.argv[2] ?? '{ ChatWindow }';
const r = await build({
  stdin: { contents: `export ${what} from '/work/main/dist/index.js'`, resolveDir: '/work/main', loader: 'js' },
  bundle: true, minify: true, format: 'esm', write: false, metafile: true,
  external: ['react', 'react-dom', '@tanstack/react-query', 'react/jsx-runtime', '*.lazy.js'],
});
console.log('gz', gzipSync(r.outputFiles[0].contents).length);
const inputs = Object.values(r.metafile.outputs)[0].inputs;
console.log(Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, +(process.argv[3] ?? 30)).map(([f, i]) => `${f.replace(/.*dist\//, '').replace(/.*node_modules\//, 'nm/')} ${i.bytesInOutput}`).join('\n'));
