// markdown-it-footnote and markdown-it-texmath ship no type declarations; both are plugins.
declare module 'markdown-it-footnote' {
  import type { PluginSimple } from 'markdown-it';
  const footnote: PluginSimple;
  export default footnote;
}

declare module 'markdown-it-texmath' {
  import type { PluginWithOptions } from 'markdown-it';
  const texmath: PluginWithOptions<{ engine: { renderToString(tex: string): string }; delimiters: string[] }>;
  export default texmath;
}
