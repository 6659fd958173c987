// `npm run certs`: install office-addin-dev-certs' localhost certificate into the OS trust store (it may
// ask for a password or a confirmation, so only in a terminal), or say what to trust by hand.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sideloadCertificate } from './certs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const interactive = process.stdin.isTTY === true && !process.env.CI;
const cert = await sideloadCertificate(path.join(root, '.certs'), { mayPrompt: interactive });
if (cert.source === 'office-addin-dev-certs') {
  console.log(`${cert.notice ?? 'The office-addin-dev-certs certificate is installed and trusted.'}`);
  console.log(`Certificate: ${cert.certFile}. \`npm start\` serves https://localhost:3000 with it.`);
} else {
  console.error(cert.notice);
  process.exitCode = 1;
}
