import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FastGPTStreamEvent } from '../../client/types';
import { expectNoAxeViolations } from '../../test-setup/axe';
import { setupFastGPT } from '../../test-setup/render-with-fastgpt';
import { ChatWindow } from './chat-window';

type User = ReturnType<typeof userEvent.setup>;

function renderWindow(props: { chatId?: string } = {}, setup = setupFastGPT({ fake: { tokenDelayMs: 2 } })) {
  const user = userEvent.setup();
  const view = render(<ChatWindow {...props} />, { wrapper: setup.wrapper });
  const completions = () => setup.fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
  return { ...setup, user, view, completions };
}

const assistants = () => Array.from(document.querySelectorAll<HTMLElement>('[data-role="assistant"]'));
const lastAssistant = () => {
  const found = assistants().at(-1);
  if (!found) throw new Error('no assistant message yet');
  return found;
};
const form = () => screen.getByRole('form', { name: '请补充查询信息' });
const field = (name: string) => within(form()).getByLabelText(name);
const submit = () => within(form()).getByRole('button', { name: 'Submit' });

async function openForm(user: User) {
  await user.type(screen.getByRole('textbox', { name: 'Message' }), 'fill a form{Enter}');
  await screen.findByRole('form', { name: '请补充查询信息' }, { timeout: 5_000 });
  await waitFor(() => expect(lastAssistant()).toHaveAttribute('data-status', 'done'), { timeout: 5_000 });
}

const answerOf = (body: unknown) => {
  const { messages } = body as { messages: Array<{ content: string }> };
  return JSON.parse(messages.at(-1)?.content ?? '') as Record<string, unknown>;
};

describe('the userInput form', () => {
  it('shows every field type with its label, description and defaults', async () => {
    const { user } = renderWindow();
    await openForm(user);
    expect(field('城市')).toHaveAttribute('type', 'text');
    expect(field('城市')).toBeRequired();
    expect(field('天数')).toHaveValue('3');
    expect(field('天数')).toHaveAttribute('inputmode', 'decimal');
    expect(within(form()).getByRole('combobox', { name: '单位' })).toHaveValue('');
    expect(within(form()).getByRole('option', { name: '华氏度' })).toBeInTheDocument();
    expect(field('备注').tagName).toBe('TEXTAREA');
    expect(field('备注')).toHaveAccessibleDescription('可选，最多 200 字');
    expect(within(form()).getByRole('switch', { name: '订阅每日天气' })).not.toBeChecked();
    const metrics = within(form()).getByRole('group', { name: '关注指标' });
    expect(
      within(metrics)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual(['温度', '湿度', '风力']);
    expect(field('出发时间')).toHaveAttribute('type', 'datetime-local');
    const trip = within(form()).getByRole('group', { name: '行程日期' });
    expect(within(trip).getByLabelText('Start')).toHaveAttribute('type', 'date');
    expect(within(trip).getByLabelText('End')).toHaveAttribute('type', 'date');
  });

  it('sends typed values, continues the same reply and then shows the answer read-only', async () => {
    const { user, completions } = renderWindow();
    await openForm(user);
    await user.type(field('城市'), '上海');
    await user.clear(field('天数'));
    await user.type(field('天数'), '5');
    await user.selectOptions(within(form()).getByRole('combobox', { name: '单位' }), '华氏度');
    await user.type(field('备注'), '带伞');
    await user.click(within(form()).getByRole('switch', { name: '订阅每日天气' }));
    await user.click(within(form()).getByRole('checkbox', { name: '风力' }));
    await user.click(within(form()).getByRole('checkbox', { name: '温度' }));
    fireEvent.change(field('出发时间'), { target: { value: '2025-05-01T08:30' } });
    const trip = within(form()).getByRole('group', { name: '行程日期' });
    fireEvent.change(within(trip).getByLabelText('Start'), { target: { value: '2025-05-01' } });
    fireEvent.change(within(trip).getByLabelText('End'), { target: { value: '2025-05-03' } });
    await user.click(submit());

    await waitFor(() => expect(completions()).toHaveLength(2));
    const answer = answerOf(completions()[1]?.body);
    expect(answer).toEqual({
      city: '上海',
      days: 5,
      unit: 'F',
      note: '带伞',
      subscribe: true,
      metrics: ['temp', 'wind'],
      departure: new Date('2025-05-01T08:30').toISOString(),
      trip: [new Date('2025-05-01T00:00').toISOString(), new Date('2025-05-03T00:00').toISOString()],
    });

    await waitFor(() => expect(lastAssistant()).toHaveTextContent('已收到表单'), { timeout: 5_000 });
    await waitFor(() => expect(lastAssistant()).toHaveAttribute('data-status', 'done'), { timeout: 5_000 });
    expect(assistants()).toHaveLength(1);
    expect(lastAssistant()).toHaveTextContent('天数：5');
    expect(lastAssistant()).toHaveTextContent('订阅每日天气：true');
    // Answered: the same values, read-only, and no submit button any more.
    expect(within(form()).getByText('Submitted.')).toBeInTheDocument();
    expect(within(form()).queryByRole('button', { name: 'Submit' })).not.toBeInTheDocument();
    expect(field('城市')).toHaveValue('上海');
    expect(field('城市')).toBeDisabled();
    expect(field('天数')).toHaveValue('5');
    expect(within(form()).getByRole('combobox', { name: '单位' })).toHaveValue('F');
    expect(within(form()).getByRole('switch', { name: '订阅每日天气' })).toBeChecked();
    expect(within(form()).getByRole('checkbox', { name: '风力' })).toBeChecked();
    expect(within(form()).getByRole('checkbox', { name: '湿度' })).not.toBeChecked();
    expect(field('出发时间')).toHaveValue('2025-05-01T08:30');
    for (const control of within(form()).getAllByRole('checkbox')) expect(control).toBeDisabled();
  });

  it('refuses required, too long and out-of-range values with the reason, focus on the field, nothing lost', async () => {
    const { user, completions } = renderWindow();
    await openForm(user);

    await user.click(submit());
    expect(field('城市')).toHaveFocus();
    expect(field('城市')).toHaveAttribute('aria-invalid', 'true');
    expect(field('城市')).toHaveAccessibleDescription('This field is required.');
    expect(within(form()).getByRole('combobox', { name: '单位' })).toHaveAccessibleDescription(
      'This field is required.',
    );
    expect(within(form()).getByRole('alert')).toHaveTextContent('Please fix the highlighted fields.');
    expect(field('天数')).not.toHaveAttribute('aria-invalid');

    await user.type(field('城市'), '城'.repeat(21));
    await user.selectOptions(within(form()).getByRole('combobox', { name: '单位' }), '摄氏度');
    await user.clear(field('天数'));
    await user.type(field('天数'), '9');
    await user.click(submit());
    expect(field('城市')).toHaveFocus();
    expect(field('城市')).toHaveAccessibleDescription('Enter at most 20 characters.');
    expect(field('天数')).toHaveAccessibleDescription('Enter a number of at most 7.');

    await user.type(field('城市'), '{Backspace}');
    await user.click(submit());
    expect(field('天数')).toHaveFocus();
    await user.clear(field('天数'));
    await user.type(field('天数'), '3天');
    expect(field('天数')).toHaveAccessibleDescription('Enter a number.');
    await user.clear(field('天数'));
    await user.type(field('天数'), '0');
    expect(field('天数')).toHaveAccessibleDescription('Enter a number of at least 1.');
    expect(completions()).toHaveLength(1);
    // Everything typed is still there.
    expect(field('城市')).toHaveValue('城'.repeat(20));
    expect(within(form()).getByRole('combobox', { name: '单位' })).toHaveValue('C');

    await user.clear(field('天数'));
    await user.type(field('天数'), '7');
    expect(within(form()).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(submit());
    await waitFor(() => expect(completions()).toHaveLength(2));
    expect(answerOf(completions()[1]?.body)).toMatchObject({ city: '城'.repeat(20), days: 7, unit: 'C' });
  });

  it('shows a form answered earlier read-only with its values when the chat is opened again', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 2 } });
    const first = renderWindow({}, setup);
    await openForm(first.user);
    await first.user.type(field('城市'), '广州');
    await first.user.selectOptions(within(form()).getByRole('combobox', { name: '单位' }), '摄氏度');
    await first.user.click(submit());
    await waitFor(() => expect(lastAssistant()).toHaveTextContent('已收到表单'), { timeout: 5_000 });
    await waitFor(() => expect(lastAssistant()).toHaveAttribute('data-status', 'done'), { timeout: 5_000 });
    const { chatId } = (first.completions()[0]?.body ?? {}) as { chatId?: string };
    first.view.unmount();

    renderWindow({ chatId }, setup);
    await screen.findByRole('form', { name: '请补充查询信息' }, { timeout: 5_000 });
    expect(field('城市')).toHaveValue('广州');
    expect(field('城市')).toBeDisabled();
    expect(field('天数')).toHaveValue('3');
    expect(within(form()).getByText('Submitted.')).toBeInTheDocument();
  });

  it('has no axe violations waiting with errors shown, and answered', async () => {
    const { user, view } = renderWindow();
    await openForm(user);
    await user.click(submit());
    await expectNoAxeViolations(view.container);
    await user.type(field('城市'), '北京');
    await user.selectOptions(within(form()).getByRole('combobox', { name: '单位' }), '摄氏度');
    await user.click(submit());
    await waitFor(() => expect(lastAssistant()).toHaveTextContent('已收到表单'), { timeout: 5_000 });
    await waitFor(() => expect(lastAssistant()).toHaveAttribute('data-status', 'done'), { timeout: 5_000 });
    await expectNoAxeViolations(view.container);
  });

  it('refuses a typed message while the form waits, says why and moves focus into the form', async () => {
    const { user, completions } = renderWindow();
    await openForm(user);
    const sent = completions().length;
    const composer = screen.getByRole('textbox', { name: 'Message' });
    await user.type(composer, 'never mind{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Answer the question above first');
    expect(field('城市')).toHaveFocus();
    expect(composer).toHaveValue('never mind');
    expect(completions()).toHaveLength(sent);

    // Answered, the question no longer holds the composer back.
    await user.type(field('城市'), '杭州');
    await user.selectOptions(within(form()).getByRole('combobox', { name: '单位' }), '摄氏度');
    await user.click(submit());
    await waitFor(() => expect(lastAssistant()).toHaveTextContent('已收到表单'), { timeout: 5_000 });
    await waitFor(() => expect(lastAssistant()).toHaveAttribute('data-status', 'done'));
    await user.click(composer);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(completions()).toHaveLength(sent + 2));
  });

  it('a pause the window cannot answer (paymentPause) does not hold the composer', async () => {
    const setup = setupFastGPT({ fake: { tokenDelayMs: 2 } });
    vi.spyOn(setup.clients.chat, 'streamChatCompletion').mockImplementationOnce(async function* () {
      yield { type: 'answer', text: 'Please top up.' } as FastGPTStreamEvent;
      yield {
        type: 'interactive',
        interactive: { type: 'paymentPause', params: { description: 'Balance is empty' } },
      } as FastGPTStreamEvent;
      yield { type: 'done' } as FastGPTStreamEvent;
    });
    const { user, completions } = renderWindow({}, setup);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'first{Enter}');
    await waitFor(() => expect(lastAssistant()).toHaveAttribute('data-status', 'done'));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'I topped up{Enter}');
    await waitFor(() => expect(completions()).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
