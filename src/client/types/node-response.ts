/** One score of a cited chunk (`embedding`, `fullText`, `reRank` or `rrf`). */
export interface QuoteScore {
  /** Which ranking produced the score. */
  type: 'embedding' | 'fullText' | 'reRank' | 'rrf' | (string & {});
  /** The score. */
  value: number;
  /** Rank position within that ranking. */
  index: number;
}

/** A knowledge-base chunk a reply cites (`SearchDataResponseItemType`). */
export interface QuoteItem {
  /** Chunk id; `[id](CITE)` markers in answer text point at it. */
  id: string;
  /** The chunk's question / main text. */
  q: string;
  /** The chunk's answer / supplementary text. */
  a?: string;
  /** Position of the chunk in its collection. */
  chunkIndex?: number;
  /** Knowledge base id. */
  datasetId?: string;
  /** Collection (file) id. */
  collectionId?: string;
  /** File or source name shown to users. */
  sourceName?: string;
  /** Source id. */
  sourceId?: string;
  /** When the chunk last changed. */
  updateTime?: string;
  /** Scores; obsolete servers sent a bare number. */
  score?: QuoteScore[] | number;
  [key: string]: unknown;
}

/** A tool call recorded in a node response or value item. */
export interface ToolCallRecord {
  /** The tool call id. */
  id: string;
  /** Display name. */
  toolName: string;
  /** Avatar path or URL. */
  toolAvatar: string;
  /** Function name given to the model. */
  functionName?: string;
  /** JSON text of the arguments. */
  params: string;
  /** The tool's result text. */
  response: string;
}

/**
 * What one workflow node did (`responseData`, `flowResponses`, `flowNodeResponse`, `getResData`).
 * Only the common fields are typed; node-specific fields are kept as they come.
 */
export interface NodeResponse {
  /** Response id. */
  id?: string;
  /** The node's id in the workflow. */
  nodeId?: string;
  /** Display name of the node (may be an i18n key for untouched system nodes; absent for share links). */
  moduleName?: string;
  /** Node type (`chatNode`, `datasetSearchNode`, `tools`, …). */
  moduleType: string;
  /** Seconds the node ran. */
  runningTime?: number;
  /** AI points the node cost. */
  totalPoints?: number;
  /** Model used. */
  model?: string;
  /** Input tokens. */
  inputTokens?: number;
  /** Output tokens. */
  outputTokens?: number;
  /** Deprecated total token count of older servers. */
  tokens?: number;
  /** The query the node worked on. */
  query?: string;
  /** Text the node output. */
  textOutput?: string;
  /** Error raised inside the node (the run goes on). */
  error?: unknown;
  /** Error text raised inside the node. */
  errorText?: string;
  /** Reasoning text of reasoning models. */
  reasoningText?: string;
  /** Cited knowledge chunks (dataset search nodes). */
  quoteList?: QuoteItem[];
  /** Nested responses of tool calls (agent nodes). */
  toolDetail?: NodeResponse[];
  /** Nested responses of child apps. */
  pluginDetail?: NodeResponse[];
  /** The stop reason of LLM nodes. */
  finishReason?: string;
  [key: string]: unknown;
}
