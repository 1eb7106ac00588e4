'use client';
import { useEffect, useMemo } from 'react';
import type { AppVariable } from '../../client/types';
import { fieldsFromVariables } from '../../core/form-fields';
import { WelcomeVariablesForm } from './welcome-variables-form';

// Loaded on demand (see lazy-forms.tsx): typed fields and their rules stay out of the first chunk.
export { UserInputForm } from './user-input-form';

/** Props of {@link VariablesFormFromSchema}. */
export interface VariablesFormFromSchemaProps {
  /** The app's variables schema. */
  variables: readonly AppVariable[];
  /** Keys the caller already passes: not asked for. */
  fixedKeys: readonly string[];
  /** The chat's stored values. */
  stored: Record<string, unknown>;
  /** Called once the form (and with it its send guard) is there. */
  onMounted?: () => void;
}

/** The welcome's variables form, built from the app's schema. */
export function VariablesFormFromSchema({
  variables,
  fixedKeys,
  stored,
  onMounted,
}: VariablesFormFromSchemaProps) {
  const fields = useMemo(() => fieldsFromVariables(variables, fixedKeys), [variables, fixedKeys]);
  useEffect(() => onMounted?.(), [onMounted]);
  return <WelcomeVariablesForm fields={fields} stored={stored} />;
}
