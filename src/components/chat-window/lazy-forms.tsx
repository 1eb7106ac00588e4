'use client';
import { type ComponentProps, lazy, Suspense } from 'react';

// Typed forms (userInput nodes, the welcome's variables; about 3.5 KB gzip) load the first time one shows.
let formsModule: Promise<typeof import('./forms.lazy')> | undefined;
/** Starts loading the forms' code (once); the welcome calls it while the app's settings load. */
export const preloadForms = () => {
  formsModule ??= import('./forms.lazy');
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

/** A userInput node's typed form, its code loaded on first use. */
export function LazyUserInputForm(props: ComponentProps<typeof UserInputFormPanel>) {
  return (
    <Suspense fallback={<FormSkeleton />}>
      <UserInputFormPanel {...props} />
    </Suspense>
  );
}

/** The welcome's variables form, its code loaded on first use. */
export function LazyVariablesForm(props: ComponentProps<typeof VariablesFormPanel>) {
  return (
    <Suspense fallback={<FormSkeleton />}>
      <VariablesFormPanel {...props} />
    </Suspense>
  );
}
