import type { FormInputType, WorkflowValueType } from './interactive';

/** One app variable the chat asks for before the first message. */
export interface AppVariable {
  /** Variable key, as sent in `variables`. */
  key: string;
  /** Label shown to the user. */
  label: string;
  /** How it is edited (`input`, `select`, `internal`, `custom`, …). */
  type: FormInputType | 'file' | 'llmSelect' | 'datasetSelect' | 'custom' | 'internal';
  /** Help text. */
  description?: string;
  /** Whether a value is required before chatting. */
  required?: boolean;
  /** The value type the workflow expects. */
  valueType?: WorkflowValueType;
  /** Pre-filled value. */
  defaultValue?: unknown;
  /** Choices of select variables. */
  list?: Array<{ label: string; value: string }>;
  /** Choices of select variables on servers before `list` (FastGPT still sends it, deprecated). */
  enums?: Array<{ label?: string; value: string }>;
  /** Longest accepted text. */
  maxLength?: number;
  /** Longest accepted text on old servers (≤ 4.8), before `maxLength`. */
  maxLen?: number;
  /** Shortest accepted text (password variables). */
  minLength?: number;
  /** Largest accepted number. */
  max?: number;
  /** Smallest accepted number. */
  min?: number;
  /** Precision of time pickers (`day`, `hour`, `minute`, `second`; FastGPT 4.12+). */
  timeGranularity?: string;
  [key: string]: unknown;
}

/** The app's chat settings returned by `getChatInit`. */
export interface AppChatConfig {
  /** Suggested questions after replies; a bare boolean on old servers. */
  questionGuide?: { open: boolean; model?: string; customPrompt?: string } | boolean;
  /** Text-to-speech settings. */
  ttsConfig?: { type: string; [key: string]: unknown };
  /** Speech input settings. */
  whisperConfig?: { open: boolean; autoSend?: boolean; autoTTSResponse?: boolean };
  /** Input completion guide. */
  chatInputGuide?: { open: boolean; customUrl?: string };
  /** Instructions shown to users. */
  instruction?: string;
  /** Variables to collect before chatting. */
  variables?: AppVariable[];
  /** What the user may attach. */
  fileSelectConfig?: {
    canSelectFile?: boolean;
    canSelectImg?: boolean;
    maxFiles?: number;
    [key: string]: unknown;
  };
  /** Greeting shown before the first message. */
  welcomeText?: string;
  [key: string]: unknown;
}

/** `GET /api/core/chat/init` data. */
export interface ChatInitResponse {
  /** The chat id (absent for share links without a chatId). */
  chatId?: string;
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** The chat's title, when it exists. */
  title?: string;
  /** The chat's stored variables. */
  variables?: Record<string, unknown>;
  /** Random avatar for share-link users. */
  userAvatar?: string;
  /** The app. */
  app: {
    /** Chat settings. */
    chatConfig: AppChatConfig;
    /** Models the app uses (absent for share links). */
    chatModels?: string[];
    /** App name. */
    name: string;
    /** App avatar path or URL. */
    avatar: string;
    /** App description. */
    intro?: string;
    /** `advanced`, `simple`, `plugin`, `workflowTool`, `tools`, … */
    type?: string;
    /** Plugin inputs of plugin apps. */
    pluginInputs?: unknown[];
    [key: string]: unknown;
  };
}

/** Parameters of `getChatInit`. */
export interface GetChatInitParams {
  /** The app id; defaults to the client's `appId`. */
  appId?: string;
  /** The chat id; an unknown one is a fresh chat. */
  chatId: string;
}
