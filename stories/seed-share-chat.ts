import type { FakeChatItem, FakeFastGPT } from '../src/testing';

/** The end user of the stories' share link. */
export const STORY_UID = 'storybook-visitor';

const QUESTIONS = [
  'FastGPT 的知识库怎么建？',
  'How do I embed the chat?',
  '工作流可以调用外部 API 吗？',
  'Which models work?',
];
const ANSWERS = [
  '在 **知识库** 页面新建，上传文档后选择分段方式，等待索引完成即可。',
  'Drop `<ChatWindow />` into your page and point the provider at a share link or your proxy.',
  '可以，使用 **HTTP 请求** 节点，填写地址、方法和参数，输出可以接到后续节点。',
  'Any model your FastGPT has configured: the app picks it in its AI node.',
];

/** Options of {@link seedShareChat}. */
export interface SeedShareChatOptions {
  /** The chat id. */
  chatId: string;
  /** Its title. */
  title: string;
  /** Question/answer turns (default 2). */
  turns?: number;
  /** Pinned (default false). */
  top?: boolean;
  /** Minutes since its last activity (default 5). */
  minutesAgo?: number;
}

let nextObjectId = 0x200000;
const objectId = (): string => (nextObjectId++).toString(16).padStart(24, '0');

/** Stores a chat the story's share-link visitor had earlier, with realistic questions and answers. */
export function seedShareChat(fake: FakeFastGPT, options: SeedShareChatOptions): void {
  const turns = options.turns ?? 2;
  const updateTime = Date.now() - (options.minutesAgo ?? 5) * 60_000;
  const items: FakeChatItem[] = [];
  for (let n = 0; n < turns; n++) {
    const time = updateTime - (turns - n) * 60_000;
    items.push(
      {
        _id: objectId(),
        dataId: `${options.chatId}-q${n}`,
        obj: 'Human',
        value: [{ type: 'text', text: { content: `${QUESTIONS[n % QUESTIONS.length]} (#${n + 1})` } }],
        time,
      },
      {
        _id: objectId(),
        dataId: `${options.chatId}-a${n}`,
        obj: 'AI',
        value: [{ type: 'text', text: { content: ANSWERS[n % ANSWERS.length] ?? '' } }],
        time: time + 2_000,
        durationSeconds: 1.8,
      },
    );
  }
  fake.state.chats.set(options.chatId, {
    _id: objectId(),
    chatId: options.chatId,
    appId: fake.credentials.appId,
    title: options.title,
    customTitle: '',
    top: options.top ?? false,
    source: 'share',
    sourceName: 'Storybook',
    tmbId: fake.credentials.tmbId,
    teamId: fake.credentials.teamId,
    outLinkUid: STORY_UID,
    shareId: fake.credentials.shareId,
    createTime: updateTime - turns * 60_000 - 1_000,
    updateTime,
    variables: {},
    items,
  });
}
