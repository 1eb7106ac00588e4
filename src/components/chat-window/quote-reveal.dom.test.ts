import { describe, expect, it } from 'vitest';
import { createQuoteReveal } from './quote-reveal';

describe('createQuoteReveal', () => {
  it('hands a reveal nobody heard to the first list that listens, once', () => {
    const channel = createQuoteReveal();
    channel.reveal('64fd3b6423aa1307b6589601');
    const heard: string[] = [];
    const stop = channel.subscribe((id) => heard.push(id));
    expect(heard).toEqual(['64fd3b6423aa1307b6589601']);
    channel.reveal('64fd3b6423aa1307b6589602');
    expect(heard).toEqual(['64fd3b6423aa1307b6589601', '64fd3b6423aa1307b6589602']);
    stop();
    const later: string[] = [];
    channel.subscribe((id) => later.push(id));
    expect(later).toEqual([]);
  });
});
