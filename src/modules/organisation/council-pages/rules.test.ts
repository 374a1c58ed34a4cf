import { describe, expect, it } from 'vitest';
import { type Block, isEditablePage, pageBlocks } from './rules.ts';

describe('a footer page’s text as blocks', () => {
  it.each<[string, Block[]]>([
    ['', []],
    ['One line.', [{ kind: 'paragraph', text: 'One line.' }]],
    ['Two\nlines.', [{ kind: 'paragraph', text: 'Two lines.' }]],
    [
      '## Your rights\n\nYou may ask.',
      [
        { kind: 'heading', text: 'Your rights' },
        { kind: 'paragraph', text: 'You may ask.' },
      ],
    ],
    ['- one\n- two', [{ kind: 'list', items: ['one', 'two'] }]],
    ['- one\nnot a bullet', [{ kind: 'paragraph', text: '- one not a bullet' }]],
    [
      '<b>bold</b>\r\n\r\n\r\nnext',
      [
        { kind: 'paragraph', text: '<b>bold</b>' },
        { kind: 'paragraph', text: 'next' },
      ],
    ],
  ])('%j', (text, blocks) => {
    expect(pageBlocks(text)).toEqual(blocks);
  });
});

describe('the pages a council words itself (PSBAR 2018 reg. 8, UK GDPR Art. 13)', () => {
  it.each([
    ['accessibility', true],
    ['privacy', true],
    ['contact', true],
    ['cookies', false],
    ['anything', false],
  ])('%s: %s', (page, editable) => {
    expect(isEditablePage(page)).toBe(editable);
  });
});
