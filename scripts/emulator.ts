// `npm run emulator`: the Exchange emulator alone, with the demo tenant, on EMULATOR_PORT (4100).
import { join, relative } from 'node:path';
import { DEMO_TENANT, startEmulator } from '@mailroom/exchange-emulator';
import { ConfigError, loadLauncherConfig, type LauncherConfig } from './launcher-config.ts';

let config: LauncherConfig;
try {
  config = loadLauncherConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const dataDir = join(config.dataDir, 'emulator');
let emulator;
try {
  emulator = await startEmulator({
    port: config.EMULATOR_PORT,
    host: config.EMULATOR_HOST,
    hostnames: config.EMULATOR_HOSTNAMES,
    dataDir,
    scenario: 'demo',
  });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`EMULATOR_PORT=${config.EMULATOR_PORT} is already in use; set EMULATOR_PORT to a free port.`);
    process.exit(1);
  }
  throw error;
}
const relativeCa = relative(process.cwd(), emulator.caCertPath);
const caPath = relativeCa.startsWith('..') ? emulator.caCertPath : relativeCa;

console.log(`Exchange emulator (demo tenant "Contoso") on ${emulator.url}`);
console.log(`  Graph:        ${emulator.url}/v1.0`);
console.log(`  Token:        ${emulator.url}/${DEMO_TENANT.tenantId}/oauth2/v2.0/token`);
console.log(`  Control API:  ${emulator.url}/_emulator/state`);
console.log(`  CA:           ${caPath}`);
console.log(`  Tenant id:    ${DEMO_TENANT.tenantId}`);
console.log(`  Client id:    ${DEMO_TENANT.clientId}`);
console.log(`  Secret:       ${DEMO_TENANT.clientSecret}`);
console.log(
  `Trust it with NODE_EXTRA_CA_CERTS=${caPath} (Node) or add ${caPath} to your trust store. Ctrl-C stops it.`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void emulator.stop().then(() => {
      console.log('Exchange emulator stopped');
      process.exit(0);
    });
  });
}
