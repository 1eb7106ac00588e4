'use client';
import { type ComponentProps, lazy, Suspense } from 'react';
import { useChatWindowStrings } from '../../i18n';
import { LazyBoundary } from './lazy-boundary';

// Typed forms (userInput nodes, the welcome's variables; about 3.5 KB gzip) load the first time one shows.
let formsModule: Promise<typeof import('./forms.lazy')> | undefined;
/** Starts loading the forms' code (once, again after a failure); the welcome calls it early. */
export const preloadForms = () => {
  formsModule ??= import('./forms.lazy').catch((error: unknown) => {
    formsModule = undefined;
    throw error;
  });
  return formsModule;
};

const UserInputFormPanel = lazy(() => preloadForms().then((module) => ({ default: module.UserInputForm })));
const VariablesFormPanel = lazy(() =>
  preloadForms().then((module) => ({ default: module.VariablesFormFromSchema })),
);

function FormSkeleton() {
  return (
    <div className="fgk-welcome-skeleton" aria-hidden="true">
      <span className="fgk-skeleton-line" />
      <span className="fgk-skeleton-line fgk-skeleton-line-short" />
    </div>
  );
}

function FormFailed() {
  const strings = useChatWindowStrings();
  return (
    <p className="fgk-part-failed" role="alert">
      {strings.partFailed}
    </p>
  );
}

/** A userInput node's typed form, its code loaded on first use. */
export function LazyUserInputForm(props: ComponentProps<typeof UserInputFormPanel>) {
  return (
    <LazyBoundary failed={<FormFailed />}>
      <Suspense fallback={<FormSkeleton />}>
        <UserInputFormPanel {...props} />
      </Suspense>
    </LazyBoundary>
  );
}

/** The welcome's variables form, its code loaded on first use; if that fails, sends are not held for it. */
export function LazyVariablesForm(props: ComponentProps<typeof VariablesFormPanel>) {
  return (
    <LazyBoundary failed={<FormFailed />} onFailure={props.onMounted}>
      <Suspense fallback={<FormSkeleton />}>
        <VariablesFormPanel {...props} />
      </Suspense>
    </LazyBoundary>
  );
}
