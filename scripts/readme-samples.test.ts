import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** A fenced `ts` or `tsx` block of the README, with the line its code starts on. */
interface Sample {
  lang: 'ts' | 'tsx';
  code: string;
  line: number;
}

function readmeSamples(markdown: string): Sample[] {
  const samples: Sample[] = [];
  for (const match of markdown.matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)) {
    const line = markdown.slice(0, match.index).split('\n').length + 1;
    samples.push({ lang: match[1] as 'ts' | 'tsx', code: match[2] ?? '', line });
  }
  return samples;
}

/**
 * Type-checks each sample as its own module, with the package's entries mapped to the sources (as a user
 * importing `fastgpt-react` would see them after a build). Returns one message per error, as
 * `README.md:<line>: <message>`.
 */
function checkSamples(samples: Sample[]): string[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    paths: {
      'fastgpt-react': ['./src/index.ts'],
      'fastgpt-react/client': ['./src/client/index.ts'],
      'fastgpt-react/server': ['./src/server/index.ts'],
      'fastgpt-react/testing': ['./src/testing/index.ts'],
    },
  };
  const files = new Map(
    samples.map((sample, index) => [join(root, `.readme-samples/sample-${index}.${sample.lang}`), sample]),
  );
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files.get(name)?.code ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.getSourceFile = (name, language, ...rest) => {
    const sample = files.get(name);
    return sample
      ? ts.createSourceFile(name, sample.code, language, true)
      : getSourceFile(name, language, ...rest);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const errors: string[] = [];
  for (const [name, sample] of files) {
    const source = program.getSourceFile(name);
    if (!source) throw new Error(`The sample at README.md:${sample.line} was not loaded.`);
    for (const diagnostic of [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ]) {
      const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      errors.push(
        `README.md:${sample.line + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
      );
    }
  }
  return errors;
}

describe('README code samples', () => {
  const samples = readmeSamples(readFileSync(join(root, 'README.md'), 'utf8'));

  it('has samples to check', () => {
    expect(samples.length).toBeGreaterThan(10);
  });

  it('every ts and tsx sample compiles against the package', () => {
    expect(checkSamples(samples)).toEqual([]);
  }, 60_000);

  it('the check catches a sample that no longer matches the API', () => {
    const errors = checkSamples([
      {
        lang: 'tsx',
        line: 1,
        code: "import { ChatWindow } from 'fastgpt-react';\nexport const x = <ChatWindow historyVisible />;\n",
      },
      {
        lang: 'ts',
        line: 10,
        code: "import { createFastGPTProxy } from 'fastgpt-react/server';\ncreateFastGPTProxy({});\n",
      },
    ]);
    expect(errors).toEqual([
      expect.stringMatching(/^README\.md:2: .*historyVisible/s),
      expect.stringMatching(/^README\.md:11: .*baseUrl/s),
    ]);
  }, 60_000);
});
