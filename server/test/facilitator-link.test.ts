import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CreateSessionResponse, CreateStrategyResponse, FacilitateResponse } from '@atelier/shared';
import { describe, expect, it } from 'vitest';
import { api, createWorkshop, REPO_ROOT, useServer } from './harness';
import { databaseUrlOf } from './test-backend';

const server = useServer();
const run = promisify(execFile);

/** Runs `npm run facilitator-link -- args` as the operator would (through tsx), with its exit code. */
async function facilitatorLink(args: string[]) {
  const databaseUrl = await databaseUrlOf(server.dataDir);
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/facilitator-link.ts',
        ...args,
        '--data-dir',
        server.dataDir,
        '--origin',
        'https://atelier.example',
      ],
      // The server's database, as the operator's shell would name it (DATABASE_URL on PostgreSQL).
      { cwd: REPO_ROOT, env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const linkIn = (stdout: string) => /https:\/\/atelier\.example\/\S+/.exec(stdout)?.[0] ?? '';
const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, '');

describe('npm run facilitator-link', () => {
  it('gives a strategy a new link that opens its sessions; the lost one stops working', async () => {
    const created = CreateStrategyResponse.parse(
      (
        await api(server.url, 'POST', '/api/strategies', {
          body: { title: 'Val Vert', territory: { name: 'Val Vert', kind: 'municipality' }, locale: 'fr' },
        })
      ).body,
    );
    const lost = created.facilitatorToken;
    const session = CreateSessionResponse.parse(
      (
        await api(server.url, 'POST', `/api/strategies/${created.strategy.id}/sessions`, {
          token: lost,
          body: {},
        })
      ).body,
    ).session;
    const lostSessionToken = tokenOf(session.facilitatorLink);

    const recovered = await facilitatorLink([created.strategy.id]);
    expect(recovered.code, recovered.stderr).toBe(0);
    const link = linkIn(recovered.stdout);
    expect(link).toMatch(new RegExp(`^https://atelier\\.example/s/${created.strategy.id}#token=`));
    const token = tokenOf(link);

    expect(
      (await api(server.url, 'GET', `/api/strategies/${created.strategy.id}`, { token: lost })).status,
    ).toBe(401);
    expect((await api(server.url, 'GET', `/api/strategies/${created.strategy.id}`, { token })).status).toBe(
      200,
    );
    const facilitate = FacilitateResponse.parse(
      (
        await api(
          server.url,
          'POST',
          `/api/strategies/${created.strategy.id}/sessions/${session.workshopId}/facilitate`,
          {
            token,
          },
        )
      ).body,
    );
    expect(
      (
        await api(server.url, 'GET', `/api/workshops/${session.workshopId}`, {
          token: facilitate.facilitatorToken,
        })
      ).status,
    ).toBe(200);
    expect(
      (await api(server.url, 'GET', `/api/workshops/${session.workshopId}`, { token: lostSessionToken }))
        .status,
    ).toBe(401);

    // A session's id points at its strategy instead.
    const asSession = await facilitatorLink([session.workshopId]);
    expect(asSession.code).toBe(2);
    expect(asSession.stderr).toContain(created.strategy.id);
  });

  it('gives a standalone workshop’s creator a new link, and says when the id is unknown', async () => {
    const workshop = await createWorkshop(server.url);
    const recovered = await facilitatorLink([workshop.id]);
    expect(recovered.code, recovered.stderr).toBe(0);
    const link = linkIn(recovered.stdout);
    expect(link).toMatch(new RegExp(`^https://atelier\\.example/w/${workshop.id}#token=`));
    const answer = await api<{ you: { id: string } }>(server.url, 'GET', `/api/workshops/${workshop.id}`, {
      token: tokenOf(link),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.you.id).toBe(workshop.participantId);
    expect(
      (await api(server.url, 'GET', `/api/workshops/${workshop.id}`, { token: workshop.facilitatorToken }))
        .status,
    ).toBe(401);

    const unknown = await facilitatorLink(['nothing-here']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nothing-here');
    // Ids are random and may start with "-": still an id, never an option.
    const dashed = await facilitatorLink(['-oNothing']);
    expect(dashed.code).toBe(2);
    expect(dashed.stderr).toContain('No strategy or workshop has the id -oNothing');
  });
});
