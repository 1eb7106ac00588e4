'use client';
import type { AnalyticsPanelStrings } from './analytics-panel-strings';

/** Simplified Chinese strings of `AnalyticsPanel`. */
export const analyticsZhCN: AnalyticsPanelStrings = {
  panelLabel: '应用数据分析',
  retry: '重试',
  loading: '加载中…',
  sources: {
    test: '在线调试',
    online: '在线使用',
    share: '外部链接调用',
    api: 'API 调用',
    cronJob: '定时执行',
    team: '团队空间对话',
    feishu: '飞书',
    official_account: '公众号',
    wecom: '企业微信',
    mcp: 'MCP 调用',
  },
  columns: {
    title: '标题',
    source: '来源',
    user: '使用者',
    createdTime: '创建时间',
    lastConversationTime: '最后对话时间',
    messageCount: '消息总数',
    feedback: '用户反馈',
    customFeedback: '自定义反馈',
    annotatedCount: '标注答案数量',
    responseTime: '平均响应时长',
    errorCount: '报错数量',
    points: '积分消耗',
    versionName: '版本名',
    region: 'IP 及属地',
  },
  // charts
  // drawer
  drawerClose: '关闭',
  drawerUntitled: '未命名对话',
  drawerGoodCount: '{count} 个赞',
  drawerBadCount: '{count} 个踩',
  drawerSeconds: '{value} 秒',
  drawerNoValue: '–',
};
