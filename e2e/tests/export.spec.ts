import { readFile, writeFile } from 'node:fs/promises';
import {
  assignNote,
  attachIssue,
  createAction,
  createAxis,
  createCluster,
  exportFileName,
  type Strategy,
} from '@atelier/shared';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { seedBoard } from '../fixtures/seed-board';

const TITLE = 'Stratégie du Val de Loue';
const NOTES = ['Pas de bus après 19 h', 'Zones blanches dans les hameaux'];
const ISSUE = 'Mobilité rurale';
const AXIS = 'Un territoire accessible';
const SHEET = 'Transport à la demande';

/** The file name every export of this workshop gets today: the title's slug, the day, the extension. */
const fileName = (extension: string) => exportFileName(TITLE, new Date(), extension);

/**
 * Clicks a download in the export panel and answers the file's suggested name and bytes; fails
 * at once with the panel's own message when the download fails.
 */
async function download(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const error = page.getByTestId('export.error');
  const failed = async () => {
    await error.waitFor();
    throw new Error(`the ${format} download failed: ${await error.textContent()}`);
  };
  const [file] = await Promise.all([
    Promise.race([page.waitForEvent('download'), failed()]),
    page.getByTestId(`export.download-${format}`).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Width and height from a PNG's header (IHDR comes first, right after the signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_SIGNATURE = Buffer.from('PK');

function count(panel: Locator, what: string): Locator {
  return panel.getByTestId(`export.count.${what}`);
}

test('a facilitator previews the export, downloads every format and the board picture, and imports the JSON into a new workshop', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const facilitator = await createWorkshop(browser, { title: TITLE });
  const f = facilitator.page;
  const alice = await joinWorkshop(browser, facilitator.joinCode, {
    name: 'Alice Martin',
    group: 'resident',
  });

  // Alice writes two notes on the board; the later steps' work is seeded as their views would write it.
  const noteIds: string[] = [];
  for (const text of NOTES) noteIds.push(await alice.board.addNote(text));
  await seedBoard(f, (doc) => {
    const issue = createCluster(doc, { title: ISSUE, x: 0, y: 400 });
    assignNote(doc, noteIds[0] ?? '', issue);
    const axis = createAxis(doc, { title: AXIS });
    attachIssue(doc, issue, axis);
    createAction(doc, { title: SHEET, axis });
  });

  // Exporting is the facilitator's: a participant has no way in.
  await expect(alice.board.noteWithText(NOTES[1] ?? '')).toBeVisible();
  await expect(alice.page.getByTestId('export.toggle')).toHaveCount(0);
  await expect(alice.page.getByTestId('export.panel')).toHaveCount(0);

  // The panel opens beside the board (in place of the share panel), its heading focused.
  await f.getByTestId('export.toggle').click();
  const panel = f.getByTestId('export.panel');
  await expect(panel).toBeVisible();
  await expect(f.getByTestId('share.panel')).toHaveCount(0);
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();

  // What the export will hold, read from the facilitator's own documents.
  await expect(count(panel, 'notes')).toHaveText('2');
  await expect(count(panel, 'issues')).toHaveText('1');
  await expect(count(panel, 'axes')).toHaveText('1');
  await expect(count(panel, 'actions')).toHaveText('1');
  await expect(count(panel, 'partners')).toHaveText('0');
  await expect(count(panel, 'indicators')).toHaveText('0');
  await expect(count(panel, 'rounds')).toHaveText('0');
  await expect(count(panel, 'people')).toHaveText('2');
  // One note is in no issue yet: worth a word, and only that.
  await expect(panel.getByTestId('export.warning')).toHaveCount(1);
  await expect(panel.getByTestId('export.warning')).toHaveAttribute('data-kind', 'notesUnsorted');
  await expect(panel.getByTestId('export.names')).not.toBeChecked();

  // JSON: the whole strategy, without names unless asked.
  const json = await download(f, 'json');
  expect(json.name).toBe(fileName('json'));
  const strategy = JSON.parse(json.bytes.toString('utf8')) as Strategy;
  expect(strategy.notes.map((note) => note.text).sort()).toEqual([...NOTES].sort());
  expect(strategy.issues.map((issue) => issue.title)).toEqual([ISSUE]);
  expect(strategy.participation.people).toBeNull();
  await expect(f.getByTestId('export.saved')).toContainText(fileName('json'));

  // The office files are zip archives (xlsx, docx, and the CSV tables zipped).
  for (const [format, extension] of [
    ['xlsx', 'xlsx'],
    ['docx', 'docx'],
    ['csv', 'zip'],
  ] as const) {
    const file = await download(f, format);
    expect(file.name).toBe(fileName(extension));
    expect(file.bytes.subarray(0, 2).equals(ZIP_SIGNATURE), `${format} is a zip`).toBe(true);
  }
  const md = await download(f, 'md');
  expect(md.name).toBe(fileName('md'));
  expect(md.bytes.toString('utf8')).toContain(ISSUE);

  // The board picture (step 1: every note, drawn for a slide: at least 1,920 pixels wide).
  const board = await download(f, 'png');
  expect(board.name).toBe(fileName('png'));
  expect(board.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const boardSize = pngSize(board.bytes);
  expect(boardSize.width).toBeGreaterThanOrEqual(1920);
  expect(boardSize.height).toBeGreaterThan(300);

  // With names: the JSON lists the people.
  await panel.getByTestId('export.names').check();
  const named = JSON.parse((await download(f, 'json')).bytes.toString('utf8')) as Strategy;
  expect(named.participation.people?.map((person) => person.name).sort()).toEqual([
    'Alice Martin',
    'Camille',
  ]);

  // Every other step gives its own picture of its whole content, as wide.
  for (const step of ['issues', 'axes', 'actions', 'partnerships', 'monitoring']) {
    await f.getByTestId(`step.${step}`).click();
    await expect(f.getByTestId(`step.${step}`)).toHaveAttribute('aria-current', 'step');
    const picture = await download(f, 'png');
    expect(picture.name).toBe(fileName('png'));
    expect(picture.bytes.subarray(0, 8).equals(PNG_SIGNATURE), step).toBe(true);
    expect(pngSize(picture.bytes).width, step).toBeGreaterThanOrEqual(1920);
  }

  // Escape closes the panel and gives the focus back to its button.
  await panel.getByTestId('export.download-png').focus();
  await f.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(f.getByTestId('export.toggle')).toBeFocused();

  // Import: the downloaded JSON becomes a new workshop, opened as after creating one.
  const exported = testInfo.outputPath('exported.json');
  await writeFile(exported, json.bytes);
  const sourceUrl = f.url();
  await f.goto('/');
  // The file field speaks the page's language, not the browser's.
  await expect(f.getByTestId('import.file-name')).toHaveText('Aucun fichier choisi');
  await f.getByTestId('import.file').setInputFiles(exported);
  await expect(f.getByTestId('import.file-name')).toHaveText('exported.json');
  await f.getByTestId('import.name').fill('Dominique');
  await f.getByTestId('import.submit').click();
  await expect(f).toHaveURL(/\/w\/[^/#]+$/);
  expect(f.url()).not.toBe(sourceUrl);
  await expect(f.getByTestId('share.panel')).toBeVisible();
  await expect(f.getByTestId('header.you')).toHaveAttribute('data-role', 'facilitator');
  await expect(f.getByTestId('header.you')).toContainText('Dominique');
  await facilitator.board.expectConnected();
  await f.getByTestId('step.assessment').click();
  await expect(f.getByTestId('board.main')).toHaveAttribute('data-step', 'assessment');
  for (const text of NOTES) await expect(facilitator.board.noteWithText(text)).toBeVisible();
  await f.getByTestId('step.issues').click();
  await expect(f.getByTestId('issues.title')).toHaveValue(ISSUE);

  // A file that is not JSON is refused here; one that breaks the schema gets the server's list.
  await f.goto('/');
  const notJson = testInfo.outputPath('notes.txt');
  await writeFile(notJson, 'Pas de bus après 19 h');
  await f.getByTestId('import.file').setInputFiles(notJson);
  await f.getByTestId('import.submit').click();
  await expect(f.getByTestId('import.error')).toBeVisible();

  // Another JSON file: said in words, the server's technical list folded under it.
  const foreign = testInfo.outputPath('budget.json');
  await writeFile(foreign, JSON.stringify({ budget: 120000, lignes: [] }));
  await f.getByTestId('import.file').setInputFiles(foreign);
  await f.getByTestId('import.submit').click();
  await expect(f.getByTestId('import.foreign')).toContainText('n’est pas un export JSON d’Atelier');
  await expect(f.getByTestId('import.problem').first()).toBeHidden();
  await f.getByText(/Détail technique/).click();
  await expect(f.getByTestId('import.problem').first()).toBeVisible();

  const broken = testInfo.outputPath('broken.json');
  const damaged = {
    ...strategy,
    workshop: { ...strategy.workshop, title: '' },
    notes: strategy.notes.map((note) => ({ ...note, text: 42 })),
  };
  await writeFile(broken, JSON.stringify(damaged));
  await f.getByTestId('import.file').setInputFiles(broken);
  await f.getByTestId('import.submit').click();
  const problems = f.getByTestId('import.problems');
  await expect(problems).toBeVisible();
  await expect(problems.getByTestId('import.problem').first()).toBeVisible();
  await expect(problems).toContainText('notes');
  await expect(problems).toContainText('title');
  await expect(f.getByTestId('import.foreign')).toHaveCount(0);
  // Nothing else happened: still on the home page.
  expect(new URL(f.url()).pathname).toBe('/');

  await alice.context.close();
  await facilitator.context.close();
});
