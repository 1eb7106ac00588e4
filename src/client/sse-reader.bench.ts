import { bench, describe } from 'vitest';
import { splitBytes, streamOfChunks, utf8 } from '../test-setup/streams';
import { answerChunk } from './sse-fixtures.test-helpers';
import { readServerSentEvents } from './sse-reader';
import { toStreamEvent } from './stream-events';

// Throughput of the reader + event mapping on the shapes of research/performance.md §2.2. Compare the
// 256 KB and 1 MB rows of each shape: equal MB/s means cost grows linearly with input.

function answerStream(bytes: number): Uint8Array {
  const frames: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const frame = `event: answer\ndata: ${answerChunk({ role: 'assistant', content: i % 3 ? 'token ' : '中文字符' })}\n\n`;
    frames.push(frame);
    size += frame.length;
  }
  return utf8(frames.join(''));
}

function longLine(bytes: number): Uint8Array {
  return utf8(
    `event: flowResponses\ndata: ${JSON.stringify([{ moduleName: 'x', textOutput: 'y'.repeat(bytes) }])}\n\n`,
  );
}

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  return splitBytes(
    bytes,
    Array.from({ length: Math.floor(bytes.length / size) }, (_, i) => (i + 1) * size),
  );
}

async function drain(chunks: Uint8Array[]): Promise<void> {
  for await (const message of readServerSentEvents(streamOfChunks(chunks), { idleTimeout: 60_000 })) {
    toStreamEvent(message);
  }
}

for (const size of [256 * 1024, 1024 * 1024]) {
  const label = `${size / 1024} KB`;
  const answers = answerStream(size);
  const line = longLine(size);
  const perFrame = chunked(answers, 190);
  const oneByte = chunked(answers.subarray(0, size / 16), 1);
  const bulk = chunked(answers, 64 * 1024);
  const linePieces = chunked(line, 64);

  describe(`SSE reader, ${label}`, () => {
    bench(`${label} answer frames, ~1 frame per chunk`, () => drain(perFrame));
    bench(`${label} answer frames, 64 KiB chunks`, () => drain(bulk));
    bench(`${label} / 16 answer frames, 1-byte chunks`, () => drain(oneByte));
    bench(`${label} single data line, 64-byte chunks`, () => drain(linePieces));
  });
}
