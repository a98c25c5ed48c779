import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT } from './root.ts';

export interface DataServices {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts scripts/data-services.ts, a detached process that checks DATABASE_URL / REDIS_URL when
 * set and otherwise runs the embedded servers; the launcher stops it last. Configuration reaches
 * it through the same environment.
 */
export async function startDataServices(log: (line: string) => void): Promise<DataServices> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/data-services.ts'], {
    cwd: ROOT,
    env: process.env,
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const urls = await new Promise<{ databaseUrl: string; redisUrl: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(JSON.parse(line.slice('READY '.length)));
      else if (line.startsWith('FAILED ')) reject(new Error(line.slice('FAILED '.length)));
      else log(line);
    });
    void exited.then(() => reject(new Error('the data services process exited')));
  });
  return {
    ...urls,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
