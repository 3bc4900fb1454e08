/**
 * The public follow-up page ("droit de suite", issue 20 §4) through the public API: published by
 * the facilitator at an unlisted link, read without any token, following each note to where its
 * action stands, updated by a status CSV, no names unless chosen, and gone once taken down.
 */
import { type ApiError, readActions, roomName } from '@atelier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkshop } from './export-workshop';
import { api, connectDoc, useServer, waitDoc } from './harness';

const server = useServer();
let built: Awaited<ReturnType<typeof exportWorkshop>>;
beforeAll(async () => {
  built = await exportWorkshop(server);
});
afterAll(() => built?.close());

interface State {
  published: boolean;
  url: string | null;
  showNames: boolean;
}
const path = () => `/api/workshops/${built.cast.workshop.id}/follow-up`;
const page = async (url: string) => {
  const response = await fetch(url);
  return { response, html: await response.text() };
};

describe('the follow-up page', () => {
  it('is published at an unlisted link anyone can read, following each note to its action', async () => {
    const before = await api<State>(server.url, 'GET', path(), { token: built.fanny });
    expect(before.body).toMatchObject({ published: false, url: null });
    const published = await api<State>(server.url, 'PUT', path(), { token: built.fanny, body: {} });
    expect(published.status).toBe(200);
    const url = published.body.url ?? '';
    expect(url).toMatch(/\/suivi\/[A-Za-z0-9_-]{22}$/);

    const { response, html } = await page(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(html).not.toMatch(/<script/i);
    // Alice's note, sorted into "Mobilité du quotidien", under "Un territoire accessible", whose sheet is validated.
    expect(html).toContain('Pas de bus après 19 h');
    expect(html).toContain('<span class="kind">Enjeu :</span> Mobilité du quotidien');
    expect(html).toContain('Transport à la demande <span class="badge">Avancement : Validée</span>');
    for (const name of ['Alice Martin', 'Bob Dupont', 'Hugo Petit']) expect(html).not.toContain(name);
    // A note written as markup stays text.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; zones blanches');

    const found = await page(`${url}?q=${encodeURIComponent('BUS APRES')}`);
    expect(found.html).toContain('1 contribution pour « BUS APRES »');
    expect(found.html).not.toContain('Écoles mal isolées');
  });

  it('follows the actions’ progress imported from a status CSV; a bad file changes nothing', async () => {
    const url = (await api<State>(server.url, 'GET', path(), { token: built.fanny })).body.url ?? '';
    const send = (csv: string, token = built.fanny) =>
      fetch(`${server.url}${path()}/statuses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: csv,
      });
    const bad = await send(
      'titre;avancement\nTransport à la demande;Réalisée\nFiche inconnue;En cours\nIsolation des écoles;presque\n',
    );
    expect(bad.status).toBe(400);
    // Each problem: a code and its parameters for clients to word, and an English sentence.
    const { error } = (await bad.json()) as ApiError;
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/^The status file was not applied: line 3: .*; line 4: /);
    expect(error.issues).toEqual([
      {
        path: 'line 3',
        code: 'unknown_sheet_title',
        params: { line: 3, column: 'titre', value: 'Fiche inconnue' },
        message: 'No action sheet titled "Fiche inconnue"',
      },
      {
        path: 'line 4',
        code: 'unknown_status',
        params: { line: 4, column: 'avancement', value: 'presque' },
        message:
          '"presque" is not a status (à venir, en cours, réalisée, en pause, en retard, bloquée, abandonnée, or empty)',
      },
    ]);
    expect((await page(url)).html).not.toContain('Avancement : Réalisée');
    expect((await send('id;avancement\nx;En cours\n', built.cast.alice.token)).status).toBe(403);

    const ok = await send(
      `\uFEFFtitre;avancement\r\nTransport à la demande;Réalisée\r\nIsolation des écoles;En retard\r\n`,
    );
    expect(await ok.json()).toEqual({ updated: 2, unchanged: 0 });
    const { html } = await page(url);
    expect(html).toContain('Transport à la demande <span class="badge">Avancement : Réalisée</span>');
    expect(html).toContain('Isolation des écoles <span class="badge">Avancement : En retard</span>');
    // The board holds it: the facilitator's own client sees the sheet done.
    const board = await connectDoc(server.wsUrl, roomName(built.cast.workshop.id, 'board'), built.fanny);
    await waitDoc(
      board,
      (d) => readActions(d).some((a) => a.progress === 'done'),
      'the progress in the board',
    );
    board.destroy();
  });

  it('documents each problem code of a refused status file in the OpenAPI document', async () => {
    const doc = await api<{ paths: Record<string, { post?: { responses: Record<string, unknown> } }> }>(
      server.url,
      'GET',
      '/api/openapi.json',
    );
    const refusal = JSON.stringify(
      doc.body.paths['/api/workshops/{id}/follow-up/statuses']?.post?.responses[400],
    );
    for (const code of [
      'missing_columns',
      'missing_sheet',
      'unknown_sheet_id',
      'unknown_sheet_title',
      'ambiguous_title',
      'unknown_status',
    ])
      expect(refusal).toContain(`"${code}"`);
  });

  it('shows names only when the facilitator chose so, keeping the link; taken down, the link answers 404', async () => {
    const url = (await api<State>(server.url, 'GET', path(), { token: built.fanny })).body.url ?? '';
    const named = await api<State>(server.url, 'PUT', path(), {
      token: built.fanny,
      body: { showNames: true },
    });
    expect(named.body).toMatchObject({ url, showNames: true });
    expect((await page(url)).html).toContain('par Alice Martin');

    expect((await api(server.url, 'PUT', path(), { token: built.cast.alice.token, body: {} })).status).toBe(
      403,
    );
    expect((await api(server.url, 'DELETE', path(), { token: built.fanny })).status).toBe(204);
    const gone = await page(url);
    expect(gone.response.status).toBe(404);
    expect(gone.html).not.toContain('Pas de bus');
    const again = await api<State>(server.url, 'PUT', path(), { token: built.fanny, body: {} });
    expect(again.body.url).not.toBe(url);
    expect((await page(url)).response.status).toBe(404);
  });
});
