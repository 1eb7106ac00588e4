import { act, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../styles/tokens.css';
import '../../styles/markdown.css';
import '../../styles/chat-window.css';
import { seedFakeChat } from '../../test-setup/hook-test-helpers';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';

const flags = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
flags.IS_REACT_ACT_ENVIRONMENT = false;

const log = () => document.querySelector('[role="log"]') as HTMLElement;
const distanceFromBottom = (element: HTMLElement) =>
  element.scrollHeight - element.scrollTop - element.clientHeight;
const jumpButton = () => document.querySelector('[data-slot="chat-window-jump-to-latest"]');
// Generous: under a busy CI machine, fetching the lazy parts and the records takes a while.
const LOADED = { timeout: 10_000 };
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** A window 800×600 px, like an embedded chat. */
function Frame({ children }: { children: React.ReactNode }) {
  return <div style={{ width: 800, height: 600, display: 'flex' }}>{children}</div>;
}

/** Sends once the window can: a new chat holds sends until the app's settings (and variables form) are in. */
async function send(text: string) {
  const input = document.querySelector('textarea') as HTMLTextAreaElement;
  fireEvent.change(input, { target: { value: text } });
  await vi.waitFor(() => {
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(input.value).toBe('');
  }, LOADED);
}

/** Scrolls like a reader: the browser fires the scroll event itself. */
async function scrollTo(element: HTMLElement, top: number) {
  element.scrollTop = top;
  await new Promise((resolve) => element.addEventListener('scroll', resolve, { once: true }));
  await nextFrame();
}

describe('ChatWindow scrolling in Chromium', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('a 2,000-message thread keeps at most 1,000 elements in the log and opens at the newest', async () => {
    const setup = setupFastGPT();
    seedFakeChat(setup.fake, { chatId: 'long', turns: 1_000 });
    render(
      <Frame>
        <ChatWindow chatId="long" chatOptions={{ pageSize: 2_000 }} />
      </Frame>,
      { wrapper: setup.wrapper },
    );
    await vi.waitFor(() => expect(log().textContent).toContain('answer 1000'), { timeout: 10_000 });
    // Bounded from the first paint, while the virtualizer's code still loads, and after.
    expect(log().querySelectorAll('*').length).toBeLessThanOrEqual(1_000);
    await vi.waitFor(() => expect(log().querySelector('.fgk-chat-virtual')).not.toBeNull(), LOADED);
    await vi.waitFor(() => expect(distanceFromBottom(log())).toBeLessThanOrEqual(2), LOADED);
    expect(log()).toHaveAttribute('data-virtual', 'true');
    expect(log().querySelectorAll('*').length).toBeLessThanOrEqual(1_000);

    await scrollTo(log(), 0);
    // "question 1" exactly, not "question 1000".
    await vi.waitFor(() => expect(log().textContent).toMatch(/question 1(?!\d)/), LOADED);
    expect(log().textContent).not.toContain('answer 1000');
    expect(log().querySelectorAll('*').length).toBeLessThanOrEqual(1_000);
  });

  it('follows the stream, stays put when the reader scrolls up, and jumps back to the latest', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 15 } });
    render(
      <Frame>
        <ChatWindow />
      </Frame>,
      { wrapper: setup.wrapper },
    );
    await send('show me markdown');
    const streaming = () => document.querySelector('[data-role="assistant"][data-status="streaming"]');
    await vi.waitFor(() => expect(log().scrollHeight).toBeGreaterThan(log().clientHeight + 400), {
      timeout: 10_000,
    });
    expect(streaming()).not.toBeNull();
    expect(distanceFromBottom(log())).toBeLessThanOrEqual(2);

    await scrollTo(log(), log().scrollTop - 300);
    const held = log().scrollTop;
    await vi.waitFor(() => expect(jumpButton()).not.toBeNull(), LOADED);
    const heightBefore = log().scrollHeight;
    await vi.waitFor(() => expect(log().scrollHeight).toBeGreaterThan(heightBefore + 100), LOADED);
    // The reply kept growing below; the reader's place did not move.
    expect(log().scrollTop).toBe(held);

    act(() => (jumpButton() as HTMLButtonElement).click());
    await nextFrame();
    expect(jumpButton()).toBeNull();
    expect(distanceFromBottom(log())).toBeLessThanOrEqual(2);
    await vi.waitFor(() => expect(log().scrollHeight).toBeGreaterThan(log().clientHeight + 800), {
      timeout: 10_000,
    });
    expect(distanceFromBottom(log())).toBeLessThanOrEqual(2);
  });

  it('the reader’s own message brings a scrolled-up log back to the end', async () => {
    const setup = setupFastGPT();
    seedFakeChat(setup.fake, { chatId: 'read', turns: 30 });
    render(
      <Frame>
        <ChatWindow chatId="read" />
      </Frame>,
      { wrapper: setup.wrapper },
    );
    await vi.waitFor(() => expect(log().textContent).toContain('answer 30'), LOADED);
    await nextFrame();
    await scrollTo(log(), 100);
    await vi.waitFor(() => expect(jumpButton()).not.toBeNull(), LOADED);
    await send('one more question');
    await vi.waitFor(() => expect(log().textContent).toContain('one more question'), LOADED);
    await nextFrame();
    expect(jumpButton()).toBeNull();
    expect(distanceFromBottom(log())).toBeLessThanOrEqual(2);
  });

  it('loading older messages on scroll-up keeps the viewport still', async () => {
    const setup = setupFastGPT();
    seedFakeChat(setup.fake, { chatId: 'paged', turns: 30 });
    render(
      <Frame>
        <ChatWindow chatId="paged" chatOptions={{ pageSize: 20 }} />
      </Frame>,
      { wrapper: setup.wrapper },
    );
    // The newest 20 records: turns 21 to 30.
    await vi.waitFor(() => expect(log().textContent).toContain('answer 30'), LOADED);
    await nextFrame();
    expect(log().textContent).not.toMatch(/question 11(?!\d)/);
    const rows = () => [...log().querySelectorAll('[data-slot="chat-window-message"]')] as HTMLElement[];
    const firstLoaded = rows()[0] as HTMLElement;
    const firstText = firstLoaded.textContent;

    const scrolled = scrollTo(log(), 0);
    // Measured before the scroll event asks for the next older page: the message that was first stays put.
    const topBefore = firstLoaded.getBoundingClientRect().top;
    await scrolled;
    await vi.waitFor(() => expect(log().textContent).toMatch(/question 11(?!\d)/), LOADED);
    await nextFrame();
    expect(rows()[0]?.textContent).not.toBe(firstText);
    expect(firstLoaded.isConnected).toBe(true);
    expect(Math.abs(firstLoaded.getBoundingClientRect().top - topBefore)).toBeLessThanOrEqual(2);
  });
});
