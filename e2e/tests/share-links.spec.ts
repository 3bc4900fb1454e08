import { networkInterfaces } from 'node:os';
import { expect, test } from '@playwright/test';
import { createWorkshop, joinWorkshop } from '../fixtures/actors';
import { OwnServer } from '../fixtures/own-server';

/** The machine's IPv4 network addresses, as `npm start` prints them. */
const lanAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((net) => net !== undefined && net.family === 'IPv4' && !net.internal)
    .map((net) => net?.address ?? '');

test('a facilitator who opened localhost shares a link and QR code on the machine’s network address, and a participant joins through it', async ({
  browser,
}) => {
  const server = new OwnServer('0.0.0.0');
  await server.start();
  const port = new URL(server.url).port;
  const facilitator = await createWorkshop(browser, { baseURL: `http://localhost:${port}` });
  const { page } = facilitator;
  const lan = lanAddresses();
  if (lan.length === 0) {
    // A machine without a network: the panel says nobody else can reach it.
    await expect(page.getByTestId('share.unreachable')).toContainText('n’a pas d’adresse sur un réseau');
  } else {
    const link = `http://${lan[0]}:${port}/join/${facilitator.joinCode}`;
    await expect(page.getByTestId('share.link')).toHaveText(link);
    await expect(page.getByTestId('share.qr')).toHaveAttribute('data-url', link);
    await expect(page.getByTestId('share.how')).toContainText(`${lan[0]}:${port}`);
    await expect(page.getByTestId('share.unreachable')).toHaveCount(0);
    // Someone else opens exactly that link and gets in.
    const lea = await joinWorkshop(browser, facilitator.joinCode, {
      name: 'Léa Muller',
      baseURL: `http://${lan[0]}:${port}`,
    });
    await lea.board.expectConnected();
    await expect(page.getByTestId('share.joined')).toHaveText('1 personne a rejoint l’atelier');
    await lea.context.close();
  }
  await facilitator.context.close();
  await server.kill();
});

test('a server listening only on this machine: the share panel says participants cannot reach it and how to fix it', async ({
  browser,
}) => {
  // The suite's server listens on HOST=127.0.0.1.
  const facilitator = await createWorkshop(browser);
  const warning = facilitator.page.getByTestId('share.unreachable');
  await expect(warning).toContainText('Les participant·es ne peuvent pas joindre cet ordinateur');
  await expect(warning).toContainText('HOST=0.0.0.0');
  await expect(warning).toContainText('PUBLIC_URL');
  await facilitator.context.close();
});

test('with several network addresses the facilitator picks the room’s one, and the panel remembers it', async ({
  browser,
}) => {
  const facilitator = await createWorkshop(browser);
  const { page } = facilitator;
  // This machine has one address at most: the server's answer for a laptop on Wi-Fi and a VPN
  // is played here (the server's side of it is covered by server/test/share-links.test.ts).
  await page.route('**/api/share-origins', (route) =>
    route.fulfill({
      json: {
        origins: ['http://10.8.0.3:8787', 'http://192.168.1.20:8787'],
        source: 'network',
        reason: null,
      },
    }),
  );
  await page.reload();
  await facilitator.board.expectConnected();
  await page.getByTestId('share.toggle').click();
  const picker = page.getByTestId('share.origin');
  await expect(picker).toHaveValue('http://10.8.0.3:8787');
  await expect(page.getByTestId('share.link')).toHaveText(
    `http://10.8.0.3:8787/join/${facilitator.joinCode}`,
  );
  await picker.selectOption({ label: '192.168.1.20:8787' });
  const link = `http://192.168.1.20:8787/join/${facilitator.joinCode}`;
  await expect(page.getByTestId('share.link')).toHaveText(link);
  await expect(page.getByTestId('share.qr')).toHaveAttribute('data-url', link);
  await expect(page.getByTestId('share.how')).toContainText('192.168.1.20:8787');

  await page.reload();
  await facilitator.board.expectConnected();
  await page.getByTestId('share.toggle').click();
  await expect(page.getByTestId('share.origin')).toHaveValue('http://192.168.1.20:8787');
  await expect(page.getByTestId('share.link')).toHaveText(link);
  await facilitator.context.close();
});
