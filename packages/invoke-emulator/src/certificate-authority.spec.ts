/** createServerCertificates: IP and DNS SANs signed by a CA of the run's own, and bad addresses or names refused. */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createServerCertificates } from './certificate-authority';
import { InvalidEmulatorInputError } from './emulator-errors';

test('the server certificate carries the IP and DNS SANs and is issued by the run CA', async () => {
  const certs = await createServerCertificates({
    ipAddresses: ['198.18.0.10', '198.19.0.20'],
    dnsNames: ['lambda.us-east-1.amazonaws.com'],
  });
  const ca = new X509Certificate(certs.caCertPem);
  const leaf = new X509Certificate(certs.certPem);
  expect(ca.ca).toBe(true);
  expect(leaf.ca).toBe(false);
  expect(leaf.checkIssued(ca)).toBe(true);
  expect(leaf.verify(ca.publicKey)).toBe(true);
  expect(leaf.subjectAltName).toBe(
    'IP Address:198.18.0.10, IP Address:198.19.0.20, DNS:lambda.us-east-1.amazonaws.com',
  );
  expect(leaf.checkPrivateKey(createPrivateKey(certs.keyPem))).toBe(true);
});

test('each run gets its own CA', async () => {
  const [a, b] = await Promise.all([
    createServerCertificates({ ipAddresses: ['127.0.0.1'] }),
    createServerCertificates({ ipAddresses: ['127.0.0.1'] }),
  ]);
  // Same subject names, different keys: only the run's own CA verifies the run's certificate.
  expect(new X509Certificate(a.certPem).verify(new X509Certificate(a.caCertPem).publicKey)).toBe(true);
  expect(new X509Certificate(a.certPem).verify(new X509Certificate(b.caCertPem).publicKey)).toBe(false);
});

test('bad addresses and names are rejected naming the entry', async () => {
  await expect(createServerCertificates({ ipAddresses: ['198.18.0.300'] })).rejects.toThrow(
    new InvalidEmulatorInputError('ipAddresses[0]', '198.18.0.300', 'must be an IPv4 or IPv6 address'),
  );
  await expect(createServerCertificates({ ipAddresses: [], dnsNames: ['bad_name!'] })).rejects.toThrow(/dnsNames\[0\]/);
});
