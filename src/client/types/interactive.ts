/** One option of a userSelect node. The answer sent back is the option's `value`, not its key. */
export interface UserSelectOption {
  /** Stable key of the option (the branch handle). */
  key: string;
  /** The label shown and the text sent back to continue. */
  value: string;
}

/** Input kinds a form item or an app variable can have (FastGPT's `FlowNodeInputTypeEnum`, open-ended). */
export type FormInputType =
  | 'input'
  | 'textarea'
  | 'numberInput'
  | 'switch'
  | 'select'
  | 'multipleSelect'
  | 'JSONEditor'
  | 'fileSelect'
  | 'timePointSelect'
  | 'timeRangeSelect'
  | 'password'
  | (string & {});

/** Value types of workflow inputs (FastGPT's `WorkflowIOValueTypeEnum`, open-ended). */
export type WorkflowValueType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'object'
  | 'arrayString'
  | 'arrayNumber'
  | 'arrayBoolean'
  | 'arrayObject'
  | 'arrayAny'
  | 'any'
  | (string & {});

/** One field of a userInput (form) node. */
export interface UserInputFormItem {
  /** How the field is edited. */
  type: FormInputType;
  /** The key the answer object uses for this field. */
  key: string;
  /** The label shown to the user. */
  label: string;
  /** The submitted value once answered, otherwise usually `""`. */
  value?: unknown;
  /** The type of the value the workflow expects. */
  valueType?: WorkflowValueType;
  /** Help text under the field. */
  description?: string;
  /** The value pre-filled in the form. */
  defaultValue?: unknown;
  /** Whether an answer is required. */
  required?: boolean;
  /** Longest accepted text. */
  maxLength?: number;
  /** Shortest accepted text. */
  minLength?: number;
  /** Largest accepted number. */
  max?: number;
  /** Smallest accepted number. */
  min?: number;
  /** Choices of select and multipleSelect fields. */
  list?: Array<{ label: string; value: string }>;
  /** Whether a local file may be uploaded (fileSelect). */
  canLocalUpload?: boolean;
  /** Whether a file URL may be given (fileSelect). */
  canUrlUpload?: boolean;
  /** Precision of time pickers (`day`, `hour`, `minute`, `second`; FastGPT 4.12+). */
  timeGranularity?: string;
  [key: string]: unknown;
}

/** Runtime fields FastGPT attaches to every interactive payload; opaque to clients. */
export interface InteractiveRuntimeFields {
  /** Nodes the workflow resumes from. Opaque. */
  entryNodeIds?: string[];
  /** Edge states at the pause. Opaque. */
  memoryEdges?: unknown[];
  /** Outputs kept for the resume. Opaque. */
  nodeOutputs?: unknown[];
  /** Skipped-node queue. Opaque. */
  skipNodeQueue?: unknown[];
  /** Usage record id. Opaque. */
  usageId?: string;
}

/** A workflow paused on a userSelect node: the user picks one option. */
export interface UserSelectInteractive extends InteractiveRuntimeFields {
  type: 'userSelect';
  params: {
    /** The question shown above the options. */
    description: string;
    /** The options to pick from. */
    userSelectOptions: UserSelectOption[];
    /** The value picked, once answered. */
    userSelectedVal?: string;
  };
}

/** A workflow paused on a form-input node: the user fills a form. */
export interface UserInputInteractive extends InteractiveRuntimeFields {
  type: 'userInput';
  params: {
    /** Text shown above the form. */
    description: string;
    /** The fields of the form. */
    inputForm: UserInputFormItem[];
    /** True once the form was answered. */
    submitted?: boolean;
  };
}

/** A pause inside a child app, tool or loop; the deepest `childrenResponse` is what to show. */
export interface NestedInteractive extends InteractiveRuntimeFields {
  type: 'childrenInteractive' | 'toolChildrenInteractive' | 'loopInteractive';
  params: {
    /** The inner interactive payload. */
    childrenResponse: InteractivePayload;
    [key: string]: unknown;
  };
}

/** A workflow paused for payment (commercial editions). */
export interface PaymentPauseInteractive extends InteractiveRuntimeFields {
  type: 'paymentPause';
  params: { description?: string; continue?: boolean };
}

/** What FastGPT sends when a workflow pauses for the user (`interactive` event / value item). */
export type InteractivePayload =
  | UserSelectInteractive
  | UserInputInteractive
  | NestedInteractive
  | PaymentPauseInteractive;
