import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeConfigurationNotification, DidOpenTextDocumentNotification, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { Methods } from '../../protocol/claimFloorProtocol';
import { Session, until } from '../helpers/lspSession';
import { tinyModel } from '../model/modelHelpers';

const DRAFT = 'Grace Hopper was born in New York City on 9 December 1906.\n';

describe('language server with a language model', () => {
  let session: Session;
  let uri: string;
  const states = () => session.notifications.filter((n) => n.method === Methods.modelState).map((n) => n.params as { state: string; text: string });

  before(async () => {
    const root = mkdtempSync(join(tmpdir(), 'claimfloor-lsp-model-'));
    writeFileSync(join(root, 'draft.md'), DRAFT);
    uri = URI.file(join(root, 'draft.md')).toString();
    session = new Session();
    session.settings = { ...session.settings, hover: { details: true } };
    await session.start(root, { storagePath: join(root, 'storage') });
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
  });
  after(() => session.stop());

  const hoverText = async () => {
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 45 } });
    // Read as rendered: without the Markdown escapes.
    return ((hover?.contents as MarkupContent | undefined)?.value ?? '').replace(/\\(.)/g, '$1');
  };

  it('without a model: rules-only, and the status (and the hover\'s details) say why (no download unless allowed)', async () => {
    const state = await until(() => states().find((s) => s.state === 'none'));
    assert.match(state.text, /rules only: No model: set a local model folder, or allow ClaimFloor to download/);
    await session.diagnosticsFor(uri);
    assert.match(await hoverText(), /Scored without a model \(rules only: No model/);
  });

  it('with claimFloor.model.path: loads it in the worker, then the hover shows what the model expected', async () => {
    session.settings = { ...session.settings, model: { path: await tinyModel() } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const ready = await until(() => states().find((s) => s.state === 'ready'));
    assert.equal(ready.text, 'tiny-gpt2');
    const hover = await until(async () => {
      const text = await hoverText();
      return /small language model/.test(text) ? text : undefined;
    });
    assert.match(hover, /a small language model \(tiny-gpt2\) expected “.*” here/);
    assert.match(hover, /Scored by tiny-gpt2/);
  });

  it('a broken model path falls back to rules-only and says so', async () => {
    session.settings = { ...session.settings, model: { path: join(tmpdir(), 'no-such-model-folder') } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const state = await until(() => states().find((s) => s.state === 'none' && /no-such-model-folder/.test(s.text)));
    assert.match(state.text, /config\.json is missing/);
    await until(async () => ((await hoverText()).includes('Scored without a model') ? true : undefined));
  });
});
