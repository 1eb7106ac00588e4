'use client';
import { Component, type ReactNode } from 'react';

/** Props of {@link LazyBoundary}. */
export interface LazyBoundaryProps {
  /** What shows instead when the part's code could not be loaded (a network blip, a replaced deploy). */
  failed: ReactNode;
  /** Told once when the part failed, e.g. to lift what waited for it. */
  onFailure?: () => void;
  /** The lazily loaded part, in its Suspense boundary. */
  children: ReactNode;
}

interface LazyBoundaryState {
  failed: boolean;
}

/**
 * Keeps a part whose code fails to load from taking the whole window down: React rethrows a failed lazy
 * import to the nearest error boundary, and without one the chat would unmount.
 */
export class LazyBoundary extends Component<LazyBoundaryProps, LazyBoundaryState> {
  override state: LazyBoundaryState = { failed: false };

  static getDerivedStateFromError(): LazyBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('fastgpt-react: a part of the chat window could not be loaded.', error);
    this.props.onFailure?.();
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.failed : this.props.children;
  }
}
