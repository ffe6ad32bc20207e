/**
 * The two renderings of one gazette page. The published `.md` file is plain CommonMark with GFM
 * tables: no attributes, merged cells written out in full. The HTML page is rendered from the
 * same generator in its marked form, whose `{id=…}` anchors, classes and `^^` merged cells the
 * gazette's markdown-it plugins turn into ids, classes and rowspans. Neither is derived from
 * the other's text.
 */
export interface Flavour {
  /** An anchor for a heading, paragraph or cell (` {id=…}`), or nothing. */
  anchor(id: string): string;
  /** A class for a paragraph (` {.…}`), or nothing. */
  cls(name: string): string;
  /** A cell merged into the cell above it: `^^`, or the text repeated. */
  merged(text: string): string;
  /** The link to another gazette page (`path` without extension), to an anchor where there is one. */
  href(path: string, anchor?: string): string;
}

export const PLAIN: Flavour = {
  anchor: () => '',
  cls: () => '',
  merged: (text) => text,
  href: (path) => `${path}.md`,
};

export const MARKED: Flavour = {
  anchor: (id) => ` {id=${id}}`,
  cls: (name) => ` {.${name}}`,
  merged: () => '^^',
  href: (path, anchor) => `${path}.html${anchor ? `#${anchor}` : ''}`,
};
