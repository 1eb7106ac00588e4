import type { ChatCompletionMessage, ChatMessageContentPart } from '../client/types';
import type { ChatFileInput, ChatMessage, FilePart, MessagePart } from './chat-message';

/** A URL's last path segment, decoded (the file name FastGPT shows when none is given). */
export function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
}

/** The parts of a user message: its files, then its text. */
export function userParts(text: string, files: readonly ChatFileInput[] | undefined): MessagePart[] {
  const parts: MessagePart[] = (files ?? []).map((file) => {
    const part: FilePart = { type: 'file', kind: file.kind, url: file.url };
    if (file.name !== undefined) part.name = file.name;
    return part;
  });
  if (text !== '') parts.push({ type: 'text', text });
  return parts;
}

/** The `content` of a completion request: the text alone, or image/file parts followed by the text. */
export function contentFor(
  text: string,
  files: readonly ChatFileInput[] | undefined,
): ChatCompletionMessage['content'] {
  if (!files || files.length === 0) return text;
  const content: ChatMessageContentPart[] = files.map((file) =>
    file.kind === 'image'
      ? { type: 'image_url', image_url: { url: file.url } }
      : { type: 'file_url', name: file.name ?? fileName(file.url), url: file.url },
  );
  if (text !== '') content.push({ type: 'text', text });
  return content;
}

/** A message's text parts, joined. */
export function textOf(message: ChatMessage): string {
  return message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** A message's file parts, as they would be sent again. */
export function filesOf(message: ChatMessage): ChatFileInput[] {
  const files: ChatFileInput[] = [];
  for (const part of message.parts) {
    if (part.type !== 'file') continue;
    const file: ChatFileInput = { kind: part.kind, url: part.url };
    if (part.name !== undefined) file.name = part.name;
    files.push(file);
  }
  return files;
}
