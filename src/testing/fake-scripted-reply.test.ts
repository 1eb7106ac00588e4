import { describe, expect, it } from 'vitest';
import { ChatClient } from '../client/chat-client';
import type { FastGPTStreamEvent } from '../client/types';
import { createFakeFastGPT, type FakeScriptedReply } from './index';

const script: FakeScriptedReply = {
  text: 'Hello **world**, see the docs.',
  reasoning: 'Thinking it through first.',
  tool: { name: 'Weather <b>', params: '{"city":"Beijing"}', response: '{"temp":21}', avatar: '/a.png' },
  quotes: [{ sourceName: 'manual.pdf', q: 'Question text', a: 'Answer text' }],
  select: { description: 'Pick one', options: ['First', 'Second'] },
  nodeName: 'Custom node',
  chunkSize: 5,
};

async function run(chat: ChatClient, content: string, chatId: string) {
  const events: FastGPTStreamEvent[] = [];
  for await (const event of chat.streamChatCompletion({
    chatId,
    detail: true,
    retainDatasetCite: true,
    messages: [{ role: 'user', content }],
  })) {
    events.push(event);
  }
  return events;
}

describe('the fake plays a scripted reply', () => {
  const setup = (reply: FakeScriptedReply | undefined = script) => {
    const fake = createFakeFastGPT({ analytics: false, reply });
    const chat = new ChatClient({
      fetch: fake.fetch,
      baseUrl: fake.baseUrl,
      apiKey: fake.credentials.appKey,
      appId: fake.credentials.appId,
      maxRetries: 0,
    });
    return { fake, chat };
  };

  it('streams every field in its own events, whatever the question, and saves it', async () => {
    const { chat } = setup();
    const events = await run(chat, 'show me markdown', 's1');
    const of = <T extends FastGPTStreamEvent['type']>(type: T) =>
      events.filter((event): event is Extract<FastGPTStreamEvent, { type: T }> => event.type === type);

    const quotes = of('flowResponses').flatMap((event) => event.responses.flatMap((r) => r.quoteList ?? []));
    expect(quotes).toMatchObject([{ sourceName: 'manual.pdf', q: 'Question text', a: 'Answer text' }]);
    const answer = of('answer')
      .map((event) => event.text)
      .join('');
    expect(answer).toBe(`Hello **world**, see the docs.[${quotes[0]?.id}](CITE)`);
    expect(of('answer').filter((event) => event.text !== '').length).toBeGreaterThan(3);
    expect(
      of('answer')
        .map((event) => event.reasoning)
        .join(''),
    ).toBe('Thinking it through first.');
    expect(of('flowNodeStatus').map((event) => event.name)).toContain('Custom node');
    expect(of('toolCall')[0]?.tool).toMatchObject({ toolName: 'Weather <b>', toolAvatar: '/a.png' });
    expect(of('toolParams').map((event) => event.tool.params)).toEqual(['{"cit', 'y":"B', 'eijin', 'g"}']);
    expect(of('toolResponse')[0]?.tool.response).toBe('{"temp":21}');
    expect(of('interactive')[0]?.interactive).toMatchObject({
      type: 'userSelect',
      params: {
        description: 'Pick one',
        userSelectOptions: [
          { key: 'option1', value: 'First' },
          { key: 'option2', value: 'Second' },
        ],
      },
    });

    const { list } = await chat.getChatRecords({ chatId: 's1', offset: 0, pageSize: 10 });
    const saved = list.at(-1);
    expect(saved?.value.map((item) => item.type)).toEqual(['reasoning', 'tool', 'text', 'interactive']);
    expect(saved?.totalQuoteList).toMatchObject([{ sourceName: 'manual.pdf' }]);
  });

  it('continues after its select is answered, and plays only the text when that is all it has', async () => {
    const { chat } = setup();
    await run(chat, 'anything', 's2');
    const next = await run(chat, 'Second', 's2');
    expect(
      next
        .filter((event) => event.type === 'answer')
        .map((event) => event.text)
        .join(''),
    ).toContain('你选择了「Second」');

    const plain = setup({ text: 'Only text.' }).chat;
    const events = await run(plain, 'tool please', 's3');
    expect(events.map((event) => event.type)).not.toContain('toolCall');
    expect(
      events
        .filter((event) => event.type === 'answer')
        .map((event) => event.text)
        .join(''),
    ).toBe('Only text.');
  });
});
