'use client';
import { useEffect, useRef, useState } from 'react';
import type { ReasoningPart } from '../../core/chat-message';
import type { ChatWindowStrings } from '../../i18n';
import { Markdown } from '../markdown';

/** Props of {@link ReasoningPartView}. */
export interface ReasoningPartViewProps {
  /** The reasoning part. */
  part: ReasoningPart;
  /** The window's strings. */
  strings: ChatWindowStrings;
}

/** The model's reasoning in a collapsible block: open while it streams, folded away once the answer starts. */
export function ReasoningPartView({ part, strings }: ReasoningPartViewProps) {
  const [open, setOpen] = useState(part.streaming);
  const wasStreaming = useRef(part.streaming);
  useEffect(() => {
    // Fold once when reasoning ends; after that the reader decides.
    if (wasStreaming.current && !part.streaming) setOpen(false);
    wasStreaming.current = part.streaming;
  }, [part.streaming]);

  return (
    <details
      className="fgk-reasoning"
      data-slot="chat-window-reasoning"
      data-state={part.streaming ? 'streaming' : 'done'}
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="fgk-reasoning-summary">
        {part.streaming ? strings.reasoningStreaming : strings.reasoning}
      </summary>
      <Markdown
        className="fgk-reasoning-text"
        text={part.text}
        streaming={part.streaming}
        labels={strings.markdown}
      />
    </details>
  );
}
