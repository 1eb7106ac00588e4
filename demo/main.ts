import { ChatClient, type FastGPTStreamEvent, isAbortError } from '../src/client';
import { DEFAULT_FAKE_CREDENTIALS } from '../src/testing/fake-seed';

// One anonymous end user per browser, as FastGPT's own share page does.
const uidKey = 'fastgpt-react-demo-uid';
const outLinkUid = localStorage.getItem(uidKey) ?? `demo-${crypto.randomUUID()}`;
localStorage.setItem(uidKey, outLinkUid);

const chat = new ChatClient({
  baseUrl: location.origin,
  shareLink: { shareId: DEFAULT_FAKE_CREDENTIALS.shareId, outLinkUid },
  timeout: 15_000,
});
const chatId = `demo-${crypto.randomUUID()}`;

const log = document.querySelector<HTMLElement>('#log') as HTMLElement;
const status = document.querySelector<HTMLElement>('#status') as HTMLElement;
const form = document.querySelector<HTMLFormElement>('#composer') as HTMLFormElement;
const input = document.querySelector<HTMLInputElement>('#question') as HTMLInputElement;
const stopButton = document.querySelector<HTMLButtonElement>('#stop') as HTMLButtonElement;
const sendButton = document.querySelector<HTMLButtonElement>('#send') as HTMLButtonElement;
let controller: AbortController | undefined;

function bubble(role: 'user' | 'assistant', text = ''): HTMLElement {
  const element = document.createElement('div');
  element.className = 'message';
  element.dataset.role = role;
  element.textContent = text;
  log.append(element);
  element.scrollIntoView({ block: 'end' });
  return element;
}

async function ask(question: string): Promise<void> {
  bubble('user', question);
  const reply = bubble('assistant');
  reply.dataset.status = 'streaming';
  const reasoning = document.createElement('div');
  reasoning.className = 'reasoning';
  const text = document.createElement('div');
  const meta = document.createElement('div');
  meta.className = 'meta';
  reply.append(reasoning, text, meta);

  controller = new AbortController();
  stopButton.hidden = false;
  sendButton.disabled = true;
  const handle = (event: FastGPTStreamEvent) => {
    switch (event.type) {
      case 'answer':
      case 'fastAnswer':
        reasoning.textContent += event.reasoning;
        text.textContent += event.text;
        break;
      case 'flowNodeStatus':
        status.textContent = `Running: ${event.name}…`;
        break;
      case 'toolCall':
        meta.textContent += `Tool: ${event.tool.toolName}. `;
        break;
      case 'interactive':
        meta.textContent += `The workflow asks: ${JSON.stringify(event.interactive.params)}`;
        break;
      case 'workflowDuration':
        meta.textContent += `Took ${event.durationSeconds}s. `;
        break;
      case 'flowResponses':
        // Share links only see public nodes (FastGPT filters the rest), so this may be 0.
        if (event.responses.length > 0) meta.textContent += `${event.responses.length} nodes ran.`;
        break;
    }
    reply.scrollIntoView({ block: 'end' });
  };
  try {
    for await (const event of chat.streamChatCompletion(
      { chatId, detail: true, messages: [{ role: 'user', content: question }] },
      { signal: controller.signal },
    )) {
      handle(event);
    }
    reply.dataset.status = 'done';
  } catch (error) {
    reply.dataset.status = isAbortError(error) ? 'stopped' : 'error';
    const note = document.createElement('div');
    note.className = isAbortError(error) ? 'meta' : 'error';
    note.textContent = isAbortError(error) ? 'Stopped.' : (error as Error).message;
    reply.append(note);
  } finally {
    if (!reasoning.textContent) reasoning.remove();
    status.textContent = '';
    stopButton.hidden = true;
    sendButton.disabled = false;
    controller = undefined;
    input.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question || controller) return;
  input.value = '';
  void ask(question);
});
stopButton.addEventListener('click', () => {
  controller?.abort(new DOMException('Stopped by the user.', 'AbortError'));
  void chat.stopChat({ appId: DEFAULT_FAKE_CREDENTIALS.appId, chatId }).catch(() => {});
});
input.focus();
