/**
 * How the demo reaches FastGPT, chosen from the environment by demo/vite.config.ts and injected at build
 * time. It never holds a key: in `proxy` mode the key stays in the Vite server's proxy.
 */
export interface DemoConfig {
  /** `fake`: the built-in fake FastGPT; `proxy`: a real FastGPT behind the key-holding proxy; `share`: a share link. */
  mode: 'fake' | 'proxy' | 'share';
  /** Path the browser's client calls (`''` = the page's own origin, for the fake; `/api/fastgpt` for the proxy). */
  apiPath: string;
  /** The app (FASTGPT_APP_ID, or the fake's). */
  appId: string | undefined;
  /** The share link id (FASTGPT_SHARE_ID, or the fake's). */
  shareId: string | undefined;
  /** A session token for the log routes (the fake's seeded member; never a real one). */
  fakeUserToken: string | undefined;
}

declare const __FASTGPT_DEMO__: DemoConfig;

/** The configuration the demo was served with. */
export const demoConfig: DemoConfig = __FASTGPT_DEMO__;
