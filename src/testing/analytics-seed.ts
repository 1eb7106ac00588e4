import type { ChatSource, NodeResponse } from '../client/types';
import type { FakeChat, FakeChatItem } from './fake-model';

const DEFAULT_TEAM_ID = '65f1c2d3e4a5b6c7d8e9f000';
const SECOND = 1_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Seeded chats follow a China-based team's working day (UTC+8). */
const LOCAL_OFFSET = 8 * HOUR;
const NANOID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

/** A team member the seeded chats belong to (the log table's `sourceMember`). */
export interface SeedMember {
  /** Team-member id (24 hex). */
  tmbId: string;
  /** Display name. */
  name: string;
  /** Avatar path. */
  avatar: string;
  /** Membership status, as FastGPT reports it. */
  status: 'active' | 'leave' | 'forbidden';
}

/**
 * The team members seeded chats use by default. The first one owns the share link and the API keys;
 * the others chat on the web (`online`, `test`). The last one has left the team.
 */
export const SEED_MEMBERS: readonly SeedMember[] = [
  {
    tmbId: '65f1c2d3e4a5b6c7d8e9f001',
    name: '张三',
    avatar: '/imgs/avatar/BlueAvatar.svg',
    status: 'active',
  },
  {
    tmbId: '65f1c2d3e4a5b6c7d8e9f002',
    name: '李四',
    avatar: '/imgs/avatar/TealAvatar.svg',
    status: 'active',
  },
  {
    tmbId: '65f1c2d3e4a5b6c7d8e9f003',
    name: 'Alice Chen',
    avatar: '/imgs/avatar/GreenAvatar.svg',
    status: 'active',
  },
  { tmbId: '65f1c2d3e4a5b6c7d8e9f004', name: '王五', avatar: '/imgs/avatar/RedAvatar.svg', status: 'leave' },
];

/** Options of {@link seedAnalyticsChats}. */
export interface SeedAnalyticsOptions {
  /** The app every chat belongs to. */
  appId: string;
  /** The app's team (default `65f1c2d3e4a5b6c7d8e9f000`, the fake server's seeded team). */
  teamId?: string;
  /** "Now", epoch ms: chats end at or before it. */
  now: number;
  /** How many days back the chats reach (default 30). */
  days?: number;
  /** How many chats to create (default 300). */
  chats?: number;
  /** Seed of the pseudo-random generator; the same seed gives the same chats (default 1). */
  seed?: number | string;
  /** Owner of share-link and API chats: the link creator / key owner (default `SEED_MEMBERS[0]`). */
  tmbId?: string;
  /** Members who chat on the web (`online`, `test`, `mcp`); default: the other `SEED_MEMBERS` plus `tmbId`. */
  memberTmbIds?: readonly string[];
  /** Share link the `share` chats came through (default `bN3k8QwE2rT6yU1iO9pA4sD7`). */
  shareId?: string;
  /** Name of that share link, the `sourceName` of `share` chats (default `官网客服`). */
  shareName?: string;
  /** API key names, the `sourceName` of `api` chats (default `['prod-crm-key', 'staging-key']`). */
  apiKeyNames?: readonly string[];
}

/** Options of {@link createBulkChats}. */
export interface BulkChatsOptions {
  /** The app every chat belongs to. */
  appId: string;
  /** The app's team (default `65f1c2d3e4a5b6c7d8e9f000`). */
  teamId?: string;
  /** "Now", epoch ms: chats end at or before it. */
  now: number;
  /** How many chats to create. */
  count: number;
  /** How many days back the chats reach (default 30). */
  days?: number;
  /** Seed of the pseudo-random generator (default 1). */
  seed?: number | string;
  /** Owner of every chat (default `SEED_MEMBERS[0]`). */
  tmbId?: string;
}

/** Realistic relative frequency of each source in a published app's logs. */
const SOURCE_WEIGHTS: ReadonlyArray<readonly [ChatSource, number]> = [
  ['api', 30],
  ['share', 26],
  ['online', 14],
  ['test', 8],
  ['feishu', 6],
  ['wecom', 5],
  ['team', 4],
  ['mcp', 3],
  ['official_account', 3],
  ['cronJob', 1],
];

const TURN_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [1, 30],
  [2, 25],
  [3, 15],
  [4, 10],
  [5, 8],
  [6, 5],
  [7, 4],
  [8, 3],
];

/** Question/answer pairs; `zh` chats draw from the first list, `en` chats from the second. */
const QA_ZH: ReadonlyArray<readonly [string, string]> = [
  ['退货政策是什么', '收到商品 7 天内可无理由退货，请保持商品完好并保留包装。'],
  ['帮我查询订单 2026012900123 的物流', '订单 2026012900123 已于今天上午从深圳仓发出，预计 2 天内送达。'],
  ['发票怎么开', '在“我的订单”中点击“申请发票”，填写抬头和税号即可，电子发票会发送到您的邮箱。'],
  ['会员积分可以抵现吗', '可以，每 100 积分抵扣 1 元，单笔订单最多抵扣 50%。'],
  ['你们的客服工作时间', '人工客服工作时间为每天 9:00-21:00，其余时间由智能助手为您服务。'],
  ['如何修改收货地址', '订单发货前可在订单详情页修改收货地址；已发货的订单请联系快递改派。'],
  ['产品支持哪些支付方式', '支持微信支付、支付宝、银联卡以及企业对公转账。'],
  ['知识库上传文件有大小限制吗', '单个文件最大 100 MB，支持 PDF、Word、Markdown、TXT 和 CSV。'],
  ['怎么重置密码', '在登录页点击“忘记密码”，通过手机验证码即可重置。'],
  ['API 调用报 403 怎么办', '403 表示凭证错误，请检查 Authorization 头是否为 Bearer 加上完整的 API 密钥。'],
  ['总结一下这份合同的要点', '合同要点：1. 服务期一年；2. 按季度付款；3. 任一方提前 30 天书面通知可解约。'],
  ['翻译：今天天气很好', 'The weather is very nice today.'],
  [
    '帮我写一封请假邮件',
    '主题：请假申请\n\n王经理您好，我因家中有事需于周五请假一天，工作已交接给李四，谢谢批准。',
  ],
  ['优惠券为什么用不了', '优惠券可能未达到使用门槛或已过期，请在“我的优惠券”中查看使用条件。'],
  ['可以开专票吗', '可以，企业用户提交营业执照和开票信息后即可开具增值税专用发票。'],
  ['你好', '你好！我是智能客服，请问有什么可以帮您？'],
  ['退款多久到账', '退款审核通过后，原路退回，一般 1-3 个工作日到账。'],
  ['机器人能接入企业微信吗', '可以，在“发布渠道”中选择企业微信，按指引填写 CorpID 和 Secret 即可。'],
];

const QA_EN: ReadonlyArray<readonly [string, string]> = [
  [
    'What is your return policy?',
    'You can return any item within 7 days of delivery, as long as it is unused.',
  ],
  [
    'How do I reset my password?',
    'Click "Forgot password" on the sign-in page and follow the link we email you.',
  ],
  [
    'Where is my order #88412?',
    'Order #88412 left our Shenzhen warehouse this morning and should arrive in 2 days.',
  ],
  ['Do you ship to Singapore?', 'Yes, we ship to Singapore; delivery usually takes 5-7 business days.'],
  [
    'Summarize the onboarding doc',
    'The onboarding doc covers account setup, security training and your first-week goals.',
  ],
  ['How much does the Pro plan cost?', 'The Pro plan costs $29 per seat per month, billed annually.'],
  [
    'Can I export my chat history?',
    'Yes. Open the log page, pick a date range and click Export to get a CSV file.',
  ],
  [
    'Why does the API return 429?',
    'A 429 means you hit the rate limit; wait a moment and retry with backoff.',
  ],
  ['hi', 'Hello! How can I help you today?'],
  ['What file types can I upload?', 'PDF, Word, Markdown, TXT and CSV files up to 100 MB each.'],
  ['Translate "thank you" into Chinese', '"Thank you" in Chinese is 谢谢 (xièxie).'],
  [
    'Is there an on-premise version?',
    'Yes, the commercial edition can be deployed on your own servers with Docker.',
  ],
];

const GOOD_FEEDBACK = ['yes', 'yes', 'yes', '很有帮助', 'Exactly what I needed'];
const BAD_FEEDBACK = ['yes', '答案不准确', '没有回答我的问题', 'Wrong order number', '回复太慢了'];
const CUSTOM_FEEDBACK = ['回答中包含敏感词', '未命中知识库', 'Answer too long', '需要人工复核'];
const ERROR_TEXTS = [
  'LLM model response empty',
  'Request timeout after 60s',
  '知识库检索失败：向量模型不可用',
  'Tool call failed: HTTP 502 from https://api.example.com',
];
const IP_POOL: ReadonlyArray<readonly [string, string]> = [
  ['203.0.113.45', 'China, Guangdong, Shenzhen'],
  ['198.51.100.23', 'China, Beijing, Beijing'],
  ['192.0.2.88', 'China, Shanghai, Shanghai'],
  ['203.0.113.101', 'China, Zhejiang, Hangzhou'],
  ['198.51.100.7', 'United States, California, San Jose'],
  ['192.0.2.140', 'Singapore, Singapore, Singapore'],
  ['10.0.3.17', 'Other'],
];
const VERSION_NAMES = ['v10', 'v11', 'v12'];
const MODELS = ['gpt-4o-mini', 'qwen-plus', 'deepseek-chat'];

/** A seeded pseudo-random source (mulberry32): fast, and the same seed gives the same sequence. */
interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

function hashSeed(seed: number | string): number {
  if (typeof seed === 'number') return seed >>> 0;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function createRng(seed: number | string): Rng {
  let state = hashSeed(seed) || 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T,
    chance: (p) => next() < p,
  };
}

function weighted<T>(rng: Rng, table: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let r = rng.next() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}

function randomString(rng: Rng, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng.next() * alphabet.length)];
  return out;
}

/** Builds Mongo-style ObjectIds: creation seconds, a fixed machine part and a counter, so ids sort by creation. */
function createObjectIdFactory(rng: Rng) {
  const machine = randomString(rng, 10, HEX);
  let counter = Math.floor(rng.next() * 0x100000);
  return (time: number): string => {
    counter = (counter + 1) % 0x1000000;
    const seconds = Math.floor(time / SECOND)
      .toString(16)
      .padStart(8, '0');
    return seconds + machine + counter.toString(16).padStart(6, '0');
  };
}

/** Picks from a user pool so that low indices are frequent: a few loyal users, a long tail of one-off users. */
function skewedPick<T>(rng: Rng, pool: readonly T[]): T {
  const r = rng.next();
  return pool[Math.floor(r * r * pool.length)] as T;
}

function text(content: string) {
  return [{ type: 'text' as const, text: { content } }];
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** End-user ids per source, built once per seed so users come back across chats. */
function createUserPools(rng: Rng, now: number, chats: number) {
  const size = (share: number) => Math.max(6, Math.round(chats * share));
  const shareUsers = Array.from(
    { length: size(0.12) },
    (_, i) => `shareChat-${now - (40 - (i % 40)) * DAY - i * 7919}-${randomString(rng, 24, NANOID_ALPHABET)}`,
  );
  const apiUsers = Array.from({ length: size(0.1) }, (_, i) => `u-${1001 + i}`);
  const teamUsers = Array.from(
    { length: size(0.02) },
    (_, i) => `team-user-${String(i + 1).padStart(3, '0')}`,
  );
  const feishuUsers = Array.from({ length: size(0.03) }, () => `ou_${randomString(rng, 32, HEX)}`);
  const wecomUsers = Array.from({ length: size(0.03) }, () => `wm${randomString(rng, 20, NANOID_ALPHABET)}`);
  const officialUsers = Array.from(
    { length: size(0.02) },
    () => `oX${randomString(rng, 26, NANOID_ALPHABET)}`,
  );
  return { shareUsers, apiUsers, teamUsers, feishuUsers, wecomUsers, officialUsers };
}

function userFor(
  rng: Rng,
  source: ChatSource,
  pools: ReturnType<typeof createUserPools>,
): string | undefined {
  switch (source) {
    case 'share':
      return skewedPick(rng, pools.shareUsers);
    case 'api':
      // Only integrations that send `customUid` get a user id on API chats.
      return rng.chance(0.75) ? skewedPick(rng, pools.apiUsers) : undefined;
    case 'team':
      return skewedPick(rng, pools.teamUsers);
    case 'feishu':
      return skewedPick(rng, pools.feishuUsers);
    case 'wecom':
      return skewedPick(rng, pools.wecomUsers);
    case 'official_account':
      return skewedPick(rng, pools.officialUsers);
    default:
      return undefined;
  }
}

function ipFor(source: ChatSource, user: string | undefined, tmbId: string): readonly [string, string] {
  if (source === 'test' || source === 'cronJob') return ['127.0.0.1', 'Other'];
  // One stable address per end user, so IP and region columns look consistent across a user's chats.
  const key = user ?? tmbId;
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return IP_POOL[h % IP_POOL.length] as readonly [string, string];
}

function aiResponseData(
  rng: Rng,
  question: string,
  answer: string,
  duration: number,
  error: string | undefined,
): NodeResponse[] {
  const nodes: NodeResponse[] = [];
  const nodeIdSuffix = randomString(rng, 6, NANOID_ALPHABET);
  if (rng.chance(0.6)) {
    nodes.push({
      id: randomString(rng, 12, NANOID_ALPHABET),
      nodeId: `datasetSearch${nodeIdSuffix}`,
      moduleName: '知识库搜索',
      moduleType: 'datasetSearchNode',
      runningTime: round(0.2 + rng.next() * 0.8, 2),
      totalPoints: round(0.001 + rng.next() * 0.01, 4),
      query: question,
      quoteList: [],
    });
  }
  const inputTokens = rng.int(200, 3000);
  const outputTokens = error ? 0 : rng.int(20, 600);
  nodes.push({
    id: randomString(rng, 12, NANOID_ALPHABET),
    nodeId: `chatNode${nodeIdSuffix}`,
    moduleName: 'AI 对话',
    moduleType: 'chatNode',
    runningTime: round(duration * 0.9, 2),
    totalPoints: round(((inputTokens + outputTokens * 3) / 1000) * 0.3 * (0.5 + rng.next()), 4),
    model: rng.pick(MODELS),
    inputTokens,
    outputTokens,
    query: question,
    textOutput: answer,
    ...(error ? { errorText: error } : { finishReason: 'stop' }),
  });
  return nodes;
}

/**
 * Creates a realistic, reproducible set of chats for the log table and analytics charts: weighted sources,
 * returning end users, 1–8 turns each, feedback, custom feedback, admin marks, failed runs, AI points,
 * reply times, app versions, IPs and regions, a few soft-deleted and pinned chats.
 *
 * Pure: the result depends only on the options. The same `seed` and `now` give identical chats.
 *
 * @example
 * const chats = seedAnalyticsChats({ appId: app.appId, now: Date.now(), seed: 42 });
 */
export function seedAnalyticsChats(options: SeedAnalyticsOptions): FakeChat[] {
  const {
    appId,
    teamId = DEFAULT_TEAM_ID,
    now,
    days = 30,
    chats: count = 300,
    seed = 1,
    tmbId = (SEED_MEMBERS[0] as SeedMember).tmbId,
    shareId = 'bN3k8QwE2rT6yU1iO9pA4sD7',
    shareName = '官网客服',
    apiKeyNames = ['prod-crm-key', 'staging-key'],
  } = options;
  const members =
    options.memberTmbIds && options.memberTmbIds.length > 0
      ? options.memberTmbIds
      : [tmbId, ...SEED_MEMBERS.slice(1).map((m) => m.tmbId)];
  const rng = createRng(seed);
  const objectId = createObjectIdFactory(rng);
  const pools = createUserPools(rng, now, count);
  const windowStart = now - days * DAY;
  const todayStart = Math.floor((now + LOCAL_OFFSET) / DAY) * DAY - LOCAL_OFFSET;
  const result: FakeChat[] = [];

  for (let index = 0; index < count; index++) {
    // The first chats take each source once, so every source shows up even in small seeds.
    const source =
      index < SOURCE_WEIGHTS.length
        ? (SOURCE_WEIGHTS[index] as readonly [ChatSource, number])[0]
        : weighted(rng, SOURCE_WEIGHTS);
    const user = userFor(rng, source, pools);
    const owner = source === 'online' || source === 'test' || source === 'mcp' ? rng.pick(members) : tmbId;
    const zh = source === 'feishu' || source === 'wecom' || source === 'official_account' || rng.chance(0.7);
    const qaPool = zh ? QA_ZH : QA_EN;
    const turns = source === 'cronJob' ? 1 : weighted(rng, TURN_WEIGHTS);

    // Working hours (UTC+8) dominate, weekends are quieter; later days are a bit busier (growth).
    let dayBack = Math.floor(days * (1 - rng.next() ** 0.85));
    if (dayBack >= days) dayBack = days - 1;
    let dayStart = todayStart - dayBack * DAY;
    const weekday = new Date(dayStart + LOCAL_OFFSET).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.4)) {
      dayBack = Math.min(days - 1, dayBack + 1);
      dayStart = todayStart - dayBack * DAY;
    }
    const hour = source === 'cronJob' ? 2 : rng.chance(0.85) ? rng.int(9, 21) : rng.int(0, 23);
    let time = dayStart + hour * HOUR + rng.int(0, 3599) * SECOND + rng.int(0, 999);

    const items: FakeChatItem[] = [];
    const plannedSpan = turns * 6 * 60 * SECOND;
    if (time + plannedSpan > now)
      time = Math.max(windowStart + SECOND, now - plannedSpan - rng.int(1, 3600) * SECOND - rng.int(0, 999));
    const createTime = time;
    let lastQuestion = '';
    const returnsLater = turns > 1 && rng.chance(0.06);

    for (let turn = 0; turn < turns; turn++) {
      if (turn > 0) {
        time += rng.int(10, 240) * SECOND;
        // Some users come back to the same chat hours later, so updateTime lands on another day.
        if (returnsLater && turn === turns - 1) {
          const gap = rng.int(2, 40) * HOUR;
          if (time + gap + 60 * SECOND < now) time += gap;
        }
      }
      const [question, answer] = rng.pick(qaPool);
      lastQuestion = question;
      items.push({
        _id: objectId(time),
        dataId: randomString(rng, 24, NANOID_ALPHABET),
        obj: 'Human',
        value: text(question),
        time,
      });

      const slow = rng.chance(0.1);
      const duration = round(slow ? 8 + rng.next() * 22 : 0.8 + rng.next() * 5, 2);
      time += Math.round(duration * SECOND);
      const error = rng.chance(0.05) ? rng.pick(ERROR_TEXTS) : undefined;
      const reply = error && rng.chance(0.5) ? '' : answer;
      const ai: FakeChatItem = {
        _id: objectId(time),
        dataId: randomString(rng, 1, LOWER_ALPHABET) + randomString(rng, 15, NANOID_ALPHABET),
        obj: 'AI',
        value: reply ? text(reply) : [],
        time,
        durationSeconds: duration,
        responseData: aiResponseData(rng, question, reply, duration, error),
      };
      if (error && rng.chance(0.5)) ai.errorMsg = error;
      const feedback = rng.next();
      if (feedback < 0.1) ai.userGoodFeedback = rng.pick(GOOD_FEEDBACK);
      else if (feedback < 0.16 || (error && feedback < 0.4)) ai.userBadFeedback = rng.pick(BAD_FEEDBACK);
      if (rng.chance(0.04)) {
        ai.customFeedbacks = rng.chance(0.3)
          ? [rng.pick(CUSTOM_FEEDBACK), rng.pick(CUSTOM_FEEDBACK)]
          : [rng.pick(CUSTOM_FEEDBACK)];
      }
      if (rng.chance(0.03)) {
        ai.adminFeedback = {
          feedbackDataId: objectId(time),
          datasetId: '6800a1b2c3d4e5f6a7b8c9d0',
          collectionId: '6800a1b2c3d4e5f6a7b8c9d1',
          q: question,
          a: `${answer}（已人工校对）`,
        };
      }
      items.push(ai);
    }

    // End users occasionally delete single messages; the log table still counts them.
    if (rng.chance(0.03)) {
      const victim = rng.pick(items);
      victim.deleteTime = Math.min(now, victim.time + rng.int(1, 600) * SECOND);
    }
    const updateTime = (items[items.length - 1] as FakeChatItem).time;
    const [originIp, region] = ipFor(source, user, owner);
    const age = (updateTime - windowStart) / (now - windowStart);
    const chat: FakeChat = {
      _id: objectId(createTime),
      chatId:
        source === 'api' && rng.chance(0.3)
          ? `crm-ticket-${88000 + index}`
          : randomString(rng, 24, NANOID_ALPHABET),
      appId,
      teamId,
      title: lastQuestion.slice(0, 20),
      customTitle: rng.chance(0.06) ? rng.pick(['回归测试 1', '重要客户', 'VIP follow-up', '投诉处理']) : '',
      top: rng.chance(0.04),
      source,
      sourceName: source === 'share' ? shareName : source === 'api' ? rng.pick(apiKeyNames) : '',
      tmbId: owner,
      createTime,
      updateTime,
      variables: rng.chance(0.3) ? { lang: zh ? 'zh' : 'en' } : {},
      originIp,
      region,
      items,
    };
    if (user) chat.outLinkUid = user;
    if (source === 'share') chat.shareId = shareId;
    if (source !== 'test') chat.versionName = VERSION_NAMES[age < 0.4 ? 0 : age < 0.8 ? 1 : 2] as string;
    if (rng.chance(0.03)) chat.deleteTime = Math.min(now, updateTime + rng.int(1, 48) * HOUR);
    result.push(chat);
  }
  return result;
}

/**
 * Creates `count` lightweight chats (one question, one answer, one node) for scale tests, e.g. 10 000 rows in
 * the log table. Sources, users, points, errors and feedback are spread like {@link seedAnalyticsChats}, but
 * texts are short and there are no admin marks or custom feedback.
 */
export function createBulkChats(options: BulkChatsOptions): FakeChat[] {
  const {
    appId,
    teamId = DEFAULT_TEAM_ID,
    now,
    count,
    days = 30,
    seed = 1,
    tmbId = (SEED_MEMBERS[0] as SeedMember).tmbId,
  } = options;
  const rng = createRng(seed);
  const objectId = createObjectIdFactory(rng);
  const users = Math.max(10, Math.round(count / 4));
  const span = days * DAY - HOUR;
  const result: FakeChat[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const source = weighted(rng, SOURCE_WEIGHTS);
    const time = now - HOUR - Math.floor(rng.next() * span);
    const [question, answer] = rng.pick(QA_EN);
    const duration = round(0.5 + rng.next() * 6, 2);
    const answerTime = time + Math.round(duration * SECOND);
    const error = rng.chance(0.04);
    const chatObjectId = objectId(time);
    const questionObjectId = objectId(time);
    const ai: FakeChatItem = {
      _id: objectId(answerTime),
      dataId: `a${index.toString(36).padStart(15, '0')}`,
      obj: 'AI',
      value: text(answer),
      time: answerTime,
      durationSeconds: duration,
      responseData: [
        {
          moduleName: 'AI Chat',
          moduleType: 'chatNode',
          runningTime: duration,
          totalPoints: round(rng.next() * 0.5, 4),
          ...(error ? { errorText: 'LLM model response empty' } : {}),
        },
      ],
    };
    const feedback = rng.next();
    if (feedback < 0.08) ai.userGoodFeedback = 'yes';
    else if (feedback < 0.12) ai.userBadFeedback = 'yes';
    const chat: FakeChat = {
      _id: chatObjectId,
      chatId: `bulk-${seed}-${index}`,
      appId,
      teamId,
      title: question.slice(0, 20),
      customTitle: '',
      top: false,
      source,
      sourceName: '',
      tmbId,
      createTime: time,
      updateTime: answerTime,
      variables: {},
      items: [
        {
          _id: questionObjectId,
          dataId: `q${index.toString(36).padStart(23, '0')}`,
          obj: 'Human',
          value: text(question),
          time,
        },
        ai,
      ],
    };
    if (source !== 'online' && source !== 'test' && source !== 'cronJob') {
      chat.outLinkUid = `user-${Math.floor(rng.next() ** 2 * users)}`;
    }
    result[index] = chat;
  }
  return result;
}
