'use client';
import type { AnalyticsPanelStrings } from './analytics-panel-strings';

/** English strings of `AnalyticsPanel`. */
export const analyticsEn: AnalyticsPanelStrings = {
  panelLabel: 'App analytics',
  retry: 'Retry',
  loading: 'Loading…',
  sources: {
    test: 'Online debugging',
    online: 'Online use',
    share: 'Share link',
    api: 'API call',
    cronJob: 'Scheduled run',
    team: 'Team space',
    feishu: 'Feishu',
    official_account: 'Official account',
    wecom: 'WeCom',
    mcp: 'MCP call',
  },
  columns: {
    title: 'Title',
    source: 'Source',
    user: 'User',
    createdTime: 'Created',
    lastConversationTime: 'Last message',
    messageCount: 'Messages',
    feedback: 'Feedback',
    customFeedback: 'Custom feedback',
    annotatedCount: 'Marked answers',
    responseTime: 'Avg. response time',
    errorCount: 'Errors',
    points: 'Points',
    versionName: 'Version',
    region: 'IP & region',
  },
  // charts
  // drawer
  drawerClose: 'Close',
  drawerUntitled: 'Untitled conversation',
  drawerGoodCount: '{count} good',
  drawerBadCount: '{count} bad',
  drawerSeconds: '{value} s',
  drawerNoValue: '–',
};
