/** Escapes text from the document so a hover renders it literally: no links, HTML or command URIs. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$:@]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
