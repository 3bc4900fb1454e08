/**
 * `npm run dev`: the server on 8787 and Vite's dev server (hot reload) on 5173, which
 * proxies /api and /sync to it. Open http://localhost:5173.
 */
import { spawn } from 'node:child_process';
import { repoRoot } from '@atelier/testing';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/src/main.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, PORT: '8787', ALLOWED_ORIGINS: 'http://localhost:5173,http://127.0.0.1:5173' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { cwd: repoRoot, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
