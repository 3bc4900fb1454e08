import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { BackupRefused, backupDatabase, restoreDatabase } from '@atelier/server';
import { addNote, readNotes, roomName } from '@atelier/shared';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cleanup,
  connectDoc,
  createWorkshop,
  join,
  makeTempDir,
  REPO_ROOT,
  startServer,
  waitFor,
} from './harness';

afterAll(cleanup);

const run = promisify(execFile);

/** Runs `npm run <script> -- args` as an operator would (through tsx), with its exit code. */
async function npmScript(script: 'backup' | 'restore', args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}.ts`, ...args],
      { cwd: REPO_ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('backup and restore', () => {
  it('copies a live server while it is written to; the restore holds every update acknowledged before the backup', async () => {
    const live = await startServer();
    const workshop = await createWorkshop(live.url);
    const alice = await join(live.url, workshop.joinCode, { name: 'Alice', group: 'resident' });
    const bob = await join(live.url, workshop.joinCode, { name: 'Bob', group: 'staff' });
    const board = roomName(workshop.id, 'board');
    const writer = await connectDoc(live.wsUrl, board, alice.token);
    const watcher = await connectDoc(live.wsUrl, board, bob.token);

    // An update Bob received is committed (the server commits, then broadcasts).
    const write = async (text: string) => {
      const id = addNote(writer.doc, { x: 0, y: 0, author: alice.participantId, text });
      await waitFor(() => readNotes(watcher.doc).some((n) => n.id === id), `Bob to receive "${text}"`);
      return id;
    };
    const acknowledged: string[] = [];
    for (let i = 0; i < 40; i++) acknowledged.push(await write(`before ${i}`));

    // Alice keeps writing while the backup runs, and after it.
    let writing = true;
    let afterwards = 0;
    const writes = (async () => {
      for (let i = 0; writing || afterwards < 10; i++) {
        addNote(writer.doc, { x: 1, y: i, author: alice.participantId, text: `during ${i}` });
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!writing) afterwards++;
      }
    })();
    const outDir = await makeTempDir('atelier-backup-');
    const out = path.join(outDir, 'atelier-backup.sqlite');
    const copied = await backupDatabase(live.dataDir, out);
    writing = false;
    await writes;
    expect(copied.bytes).toBeGreaterThan(0);

    // The copy may not replace a file, nor go under the running server.
    await expect(backupDatabase(live.dataDir, out)).rejects.toThrow(BackupRefused);
    await expect(restoreDatabase(out, live.dataDir, { force: true })).rejects.toThrow(/is running/);
    writer.destroy();
    watcher.destroy();
    const total = readNotes(watcher.doc).length;
    await live.stop();

    const fresh = await makeTempDir();
    await restoreDatabase(out, fresh);
    const restored = await startServer({ dataDir: fresh });
    const reader = await connectDoc(restored.wsUrl, board, bob.token);
    const texts = new Set(readNotes(reader.doc).map((n) => n.text));
    for (const text of acknowledged.map((_, i) => `before ${i}`)) expect(texts.has(text), text).toBe(true);
    expect(texts.size).toBeLessThanOrEqual(total);
    // The restored workshop is the same one: the tokens issued before still open it.
    expect(
      (
        await fetch(`${restored.url}/api/workshops/${workshop.id}`, {
          headers: { authorization: `Bearer ${alice.token}` },
        })
      ).status,
    ).toBe(200);
    reader.destroy();
    await restored.stop();

    // A restore onto an existing database needs --force.
    await expect(restoreDatabase(out, fresh)).rejects.toThrow(/--force/);
    await expect(restoreDatabase(out, fresh, { force: true })).resolves.toMatchObject({
      bytes: copied.bytes,
    });
  });

  it('refuses a file that is not an Atelier database, and says so from the command line', async () => {
    const dir = await makeTempDir();
    const junk = path.join(dir, 'not-a-backup.sqlite');
    await writeFile(junk, 'hello, this is not SQLite');
    const target = await makeTempDir();
    await expect(restoreDatabase(junk, target)).rejects.toThrow(/not an SQLite database/);

    const cli = await npmScript('restore', [junk, '--data-dir', target]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/Restore refused: .*not an SQLite database/);
  });

  it('npm run backup copies a data directory to the file named by --out', async () => {
    const server = await startServer();
    await createWorkshop(server.url);
    const out = path.join(await makeTempDir('atelier-backup-'), 'copy.sqlite');
    const cli = await npmScript('backup', ['--out', out, '--data-dir', server.dataDir]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/Backed up .* to .*copy\.sqlite/);
    const again = await npmScript('backup', ['--out', out, '--data-dir', server.dataDir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists/);
    await server.stop();
  });
});
