'use client';
import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ExportChatLogsParams } from '../client/types';
import type { AppLogsFilters } from '../core/query-keys';
import { toChatLogsParams } from './log-filters';
import { useFastGPT } from './use-fastgpt';

/** The CSV layout of a server export; FastGPT's defaults when absent. */
export type ExportCsvOptions = Pick<ExportChatLogsParams, 'title' | 'sourcesMap' | 'logKeys'>;

/** The server's CSV export of the chats matching `filters`, shared by the log hooks. */
export function useLogExport(appId: string | undefined, filters: AppLogsFilters) {
  const { app } = useFastGPT();
  const exporter = useMutation<string, Error, ExportCsvOptions | undefined>({
    mutationFn: (layout) => app.exportChatLogs({ ...toChatLogsParams(appId, filters), ...layout }),
  });
  const { mutateAsync } = exporter;
  const exportCsv = useCallback((layout?: ExportCsvOptions) => mutateAsync(layout), [mutateAsync]);
  return { exportCsv, isExporting: exporter.isPending, exportError: exporter.error };
}
