export { FakeHttpError, KNOWN_ERRORS, type KnownErrorKey } from './fake-errors';
export { createFakeFastGPT, type FakeFastGPT, type RecordedRequest } from './fake-fastgpt';
export type { FakeFault } from './fake-faults';
export type {
  FakeApiKey,
  FakeApp,
  FakeChat,
  FakeChatItem,
  FakeShareLink,
  FakeState,
  FakeTeamMember,
} from './fake-model';
export type { FakeListeningServer, FakeNodeHandler } from './fake-node-adapter';
export type {
  FakeFastGPTOptions,
  FakeScriptedReply,
  FakeServerVersion,
  ResolvedFakeOptions,
} from './fake-options';
export type {
  AuthenticateOptions,
  AuthResult,
  FakeRouteContext,
  FakeSeedContext,
} from './fake-route-context';
export { SCENARIOS, type ScenarioName } from './fake-scenario-names';
export { DEFAULT_FAKE_CREDENTIALS, type FakeCredentials } from './fake-seed';
export { renderScenarioTranscript, type ScenarioTranscriptOptions } from './fake-transcript';
