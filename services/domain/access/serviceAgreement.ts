import { createHash } from 'node:crypto';

/**
 * The service agreement for NHS England's access services, signed on a card by the data
 * controller's signatory before access. Its text is the document; the signature binds to the
 * SHA-256 of this exact text, so a change to the wording is a new document to sign.
 */
export const serviceAgreementText = [
  'NHS England Secure Data Environment: Service Agreement',
  '',
  '1. The organisation will access the data only through the Secure Data Environment, only for the purpose in its Data Sharing Agreement, and only by the users it has named.',
  '2. Users will not attempt to re-identify any individual, nor link the data to other data except as the Data Sharing Agreement allows.',
  '3. Only aggregate outputs that pass NHS England\'s disclosure control checks may leave the environment.',
  '4. The organisation will tell NHS England within 24 hours of any actual or suspected breach of this agreement.',
  '5. NHS England may suspend access at any time to protect the data; charges follow the published DARS tariff.',
].join('\n');

export const serviceAgreementDocument = {
  documentName: 'NHS England SDE Service Agreement v1',
  contentHash: createHash('sha256').update(serviceAgreementText, 'utf8').digest('hex'),
} as const;
