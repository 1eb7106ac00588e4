'use client';
import { AuthenticationError } from '../../client/errors';
import { useAnalyticsStrings } from '../../i18n/analytics-strings-context';

/** Props of {@link PanelError}. */
export interface PanelErrorProps {
  /** What failed. */
  error: Error;
  /** Loads again; absent when retrying cannot help. */
  onRetry?: () => void;
}

/** Whether FastGPT refused the app to this account (`unAuthApp`), as opposed to missing credentials. */
function isPermissionError(error: AuthenticationError): boolean {
  return error.code === 502001 || error.statusText === 'unAuthApp';
}

/**
 * A failed load, in words: for refused credentials, which credential the log endpoints need (a retry
 * cannot help); otherwise the error's own sentence with Retry.
 */
export function PanelError({ error, onRetry }: PanelErrorProps) {
  const strings = useAnalyticsStrings();
  const auth = error instanceof AuthenticationError;
  return (
    <div className="fgk-panel-error" data-slot="panel-error" role="alert">
      <p className="fgk-panel-error-title">{strings.errorTitle}</p>
      <p className="fgk-panel-error-text">
        {auth ? (isPermissionError(error) ? strings.permissionNeeded : strings.authNeeded) : error.message}
      </p>
      {!auth && onRetry && (
        <button type="button" className="fgk-button" onClick={onRetry}>
          {strings.retry}
        </button>
      )}
    </div>
  );
}
