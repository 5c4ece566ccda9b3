/** What a draft points at: local files it links to and BibTeX keys it cites. Both count as its sources. */
export interface DraftReferences {
  /** Linked local files, resolved against the draft's own path (absolute, forward slashes). */
  linked: Set<string>;
  citedKeys: Set<string>;
}

const LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm;
const PANDOC_CITE = /(?<![\w.])@([\p{L}\d_][\p{L}\d_:.#$%&+?<>~/-]*[\p{L}\d_])/gu;
const LATEX_CITE = /\\cite[pt]?\*?(?:\[[^\]]*\])*\{([^}]+)\}/g;

function resolvePath(from: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(href.split(/[?#]/)[0]);
  } catch {
    return undefined;
  }
  if (!path) return undefined;
  const parts = (path.startsWith('/') ? [] : from.split('/').slice(0, -1)).concat(path.split('/'));
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && (part !== '' || out.length === 0)) out.push(part);
  }
  return out.join('/');
}

/** Finds the draft's links to local files and its citation keys ([@key], \cite{key}). Pure text scan. */
export function draftReferences(text: string, documentId: string | undefined): DraftReferences {
  const linked = new Set<string>();
  if (documentId) {
    for (const m of text.matchAll(LINK)) {
      const resolved = resolvePath(documentId, m[1] ?? m[2]);
      if (resolved) linked.add(resolved);
    }
  }
  const citedKeys = new Set<string>();
  for (const m of text.matchAll(PANDOC_CITE)) citedKeys.add(m[1]);
  for (const m of text.matchAll(LATEX_CITE)) for (const key of m[1].split(',')) citedKeys.add(key.trim());
  return { linked, citedKeys };
}
