/** Recorded FastGPT streams (research/fastgpt-contract.md §4) used by the parser tests. */

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  JSON.stringify({
    id: '',
    object: '',
    created: 0,
    model: '',
    choices: [{ delta, index: 0, finish_reason: finish }],
  });

/** `detail: true`, knowledge-base app with a reasoning model, a tool call, CJK text and flowResponses after [DONE]. */
export const DETAIL_TRANSCRIPT = [
  'event: flowNodeStatus\ndata: {"status":"running","name":"知识库搜索"}\n\n',
  'event: flowNodeStatus\ndata: {"status":"running","name":"AI 对话"}\n\n',
  `event: answer\ndata: ${chunk({ role: 'assistant', reasoning_content: '用户询问电影导演，' })}\n\n`,
  `event: answer\ndata: ${chunk({ role: 'assistant', content: '' })}\n\n`,
  'event: toolCall\ndata: {"tool":{"id":"call_8f2k","toolName":"天气查询","toolAvatar":"/a.svg","functionName":"get_weather","params":"","response":""}}\n\n',
  'event: toolParams\ndata: {"tool":{"id":"call_8f2k","toolName":"","toolAvatar":"","params":"{\\"city\\":","response":""}}\n\n',
  'event: toolParams\ndata: {"tool":{"id":"call_8f2k","toolName":"","toolAvatar":"","params":"\\"北京\\"}","response":""}}\n\n',
  'event: toolResponse\ndata: {"tool":{"id":"call_8f2k","toolName":"","toolAvatar":"","params":"","response":"{\\"weather\\":\\"晴\\"}"}}\n\n',
  `event: answer\ndata: ${chunk({ role: 'assistant', content: '电影《铃芽之旅》' })}\n\n`,
  `event: answer\ndata: ${chunk({ role: 'assistant', content: '的导演是新海诚。😀' })}\n\n`,
  'event: updateVariables\ndata: {"uid":"u-1","city":"北京"}\n\n',
  'event: workflowDuration\ndata: {"durationSeconds":3.42}\n\n',
  `event: answer\ndata: ${chunk({ role: 'assistant', content: null }, 'stop')}\n\n`,
  'event: answer\ndata: [DONE]\n\n',
  'event: flowResponses\ndata: [{"id":"qW3e","nodeId":"448745","moduleName":"流程开始","moduleType":"workflowStart","runningTime":0},{"id":"zX1c","nodeId":"7Bdo","moduleName":"AI 对话","moduleType":"chatNode","runningTime":2.51,"totalPoints":0.0153,"inputTokens":412,"outputTokens":58}]\n\n',
].join('');

/** `detail: false`: bare OpenAI-style chunks, no event lines. */
export const PLAIN_TRANSCRIPT = [
  `data: ${chunk({ role: 'assistant', reasoning_content: '用户问导演。' })}\n\n`,
  `data: ${chunk({ role: 'assistant', content: '电影《铃芽之旅》' })}\n\n`,
  `data: ${chunk({ role: 'assistant', content: '的导演是新海诚。' })}\n\n`,
  `data: ${chunk({ role: 'assistant', content: null }, 'stop')}\n\n`,
  'data: [DONE]\n\n',
].join('');

/** An interactive pause with optional `id:` lines and an event this kit does not know. */
export const INTERACTIVE_TRANSCRIPT = [
  'id: 1\nevent: chatTitle\ndata: {"title":"查天气"}\n\n',
  'id: 2\nevent: interactive\ndata: {"interactive":{"type":"userSelect","params":{"description":"请选择要查询的城市","userSelectOptions":[{"key":"option1","value":"北京"},{"key":"option2","value":"上海"}]},"entryNodeIds":["n1"],"memoryEdges":[],"nodeOutputs":[]}}\n\n',
  `event: answer\ndata: ${chunk({ role: 'assistant', content: null }, 'stop')}\n\n`,
  'event: answer\ndata: [DONE]\n\n',
  'event: flowResponses\ndata: []\n\n',
].join('');

/** The closing `answer` chunk of a reply, for building streams by hand. */
export const answerChunk = chunk;
