// The footer pages a UK public service links from every page: its accessibility statement (the
// Public Sector Bodies Accessibility Regulations 2018, reg. 8), its privacy notice (UK GDPR
// Articles 13 and 14: the complaint form collects personal data), its cookies (PECR reg. 6) and
// how to contact it. A council words the first, second and last for itself.
export const editablePages = ['accessibility', 'privacy', 'contact'] as const;
export type EditablePage = (typeof editablePages)[number];

export const pageTitles: Record<EditablePage | 'cookies', string> = {
  accessibility: 'Accessibility statement',
  privacy: 'Privacy notice',
  contact: 'Contact',
  cookies: 'Cookies',
};

export const isEditablePage = (page: string): page is EditablePage =>
  (editablePages as readonly string[]).includes(page);

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

// A page's text as an editor types it: blocks separated by a blank line; a block starting "## "
// is a heading, one whose every line starts "- " is a bulleted list, any other is a paragraph.
// Nothing typed is taken as markup.
export function pageBlocks(text: string): Block[] {
  return text
    .replaceAll('\r\n', '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block): Block => {
      if (block.startsWith('## ')) return { kind: 'heading', text: block.slice(3).trim() };
      const lines = block.split('\n').map((line) => line.trim());
      if (lines.every((line) => line.startsWith('- ')))
        return { kind: 'list', items: lines.map((line) => line.slice(2).trim()) };
      return { kind: 'paragraph', text: lines.join(' ') };
    });
}
