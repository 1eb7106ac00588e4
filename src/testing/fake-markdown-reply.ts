/**
 * The long reply of the `markdown` scenario (over 4 KB): headings, lists, a GFM table, two fenced code
 * blocks, a quote, links and CJK text, the mix a markdown renderer has to survive while streaming.
 */
export const MARKDOWN_REPLY = `# 部署指南：把 FastGPT 接入你的 React 应用

这份指南说明如何在 **React** 项目里接入 FastGPT 的对话接口。内容覆盖流式输出、错误处理和会话管理，
适合第一次接入的开发者阅读。*所有示例都来自模拟服务器*，可以放心复制运行。

## 1. 准备工作

开始之前，请确认下面几项已经就绪：

- 一个可以访问的 FastGPT 服务（本地 \`http://localhost:3000\` 或云端）
- 一个 **应用密钥**（形如 \`fastgpt-xxxx\`），或者一个分享链接
- Node.js 20 及以上版本
  - 推荐使用 pnpm 或 npm 管理依赖
  - 浏览器端请不要直接暴露密钥，使用代理转发

1. 安装依赖包
2. 配置环境变量
3. 启动开发服务器并打开页面

> 提示：分享链接模式不需要任何密钥，适合公开嵌入的场景。

## 2. 接口对照表

| 方法 | 路径 | 说明 |
| --- | --- | --- |
| POST | \`/api/v1/chat/completions\` | 发起对话，支持流式输出 |
| POST | \`/api/core/chat/getHistories\` | 获取历史会话列表 |
| GET | \`/api/core/chat/init\` | 初始化会话，读取应用配置 |
| POST | \`/api/core/chat/getPaginationRecords\` | 分页读取聊天记录 |
| POST | \`/api/core/chat/feedback/updateUserFeedback\` | 点赞或点踩 |

## 3. 发起一次流式对话

下面的代码创建一个客户端，并逐块打印模型的回答：

\`\`\`ts
import { createFastGPTClient } from 'fastgpt-react/client';

const client = createFastGPTClient({
  baseUrl: 'http://localhost:3000',
  apiKey: process.env.FASTGPT_KEY,
});

for await (const event of client.chat.streamChatCompletion({
  chatId: 'demo-chat',
  detail: true,
  messages: [{ role: 'user', content: '你好' }],
})) {
  if (event.type === 'answer') process.stdout.write(event.text);
}
\`\`\`

流式输出的每一个事件都带有类型。常见的事件包括 \`answer\`、\`flowNodeStatus\`、\`toolCall\` 和
\`flowResponses\`。在 \`detail: true\` 模式下，\`[DONE]\` 之后还会收到完整的节点响应，用来展示引用和耗时。

### 3.1 处理错误

FastGPT 在很多情况下返回 HTTP 500，但真正的错误类型写在响应体的 \`code\` 字段里：

- \`403\`：没有携带凭证，或者凭证格式错误
- \`514\`：密钥不存在或已被删除
- \`502000\`：应用不存在
- \`504000\`：会话属于其他用户

### 3.2 中断与停止

调用 \`stop()\` 会中断当前请求，并通知服务器停止正在运行的工作流。已经输出的文字会被保留，
用户可以选择 **重新生成** 或者 **继续提问**。

## 4. 在组件里使用

\`\`\`tsx
export function SupportChat() {
  const { messages, send, status } = useChatCompletion({ appId: 'demo-app' });
  return (
    <section aria-busy={status === 'streaming'}>
      {messages.map((message) => (
        <p key={message.id}>{message.role}: {message.parts.length} parts</p>
      ))}
      <button type="button" onClick={() => send('你好')}>发送</button>
    </section>
  );
}
\`\`\`

组件只负责渲染，所有的网络请求都在客户端层完成。这样做的好处是：

1. **可测试**：可以用模拟服务器替换真实的 FastGPT
2. **可替换**：同一套 hooks 可以驱动完全不同的界面
3. **可观测**：每一次请求都能在测试里断言

## 5. 常见问题

**问：为什么历史记录里看不到我的会话？**
答：使用 API 密钥创建的会话，来源是 \`api\`。查询历史时请带上正确的 \`source\` 参数。

**问：标题是怎么生成的？**
答：每一轮对话都会把最新问题的前 20 个字符写成标题，除非你设置了自定义标题。

**问：交互节点怎么继续？**
答：用同一个 \`chatId\` 再发送一条消息即可。选择节点发送选项的 \`value\`，表单节点发送 JSON 字符串。

## 6. 性能建议

长回答在流式输出时最容易卡顿。下面几条建议可以让界面保持流畅：

- 每一帧最多刷新一次界面，不要每收到一个字就重新渲染
- 已经完成的段落只解析一次，之后直接复用结果
- 只重新解析最后一个仍在增长的段落
- 很长的会话使用虚拟列表，只渲染可见的消息
- 代码块在闭合之前按纯文本显示，闭合之后再高亮

| 指标 | 目标 | 说明 |
| --- | --- | --- |
| 首字延迟 | < 100 ms | 从收到第一个事件到屏幕出现文字 |
| 每帧耗时 | < 16 ms | 保证 60 帧的滚动体验 |
| 包体积 | < 45 KB | 压缩后的聊天窗口组件 |

---

更多内容请参考 [FastGPT 文档](https://doc.fastgpt.io) 以及本项目的 README。祝你接入顺利！🎉
`;
