/**
 * The Data Sharing Agreement outside the workflow: the document (deterministic PDF, SHA-256),
 * where its bytes are kept, and how a signature request reaches each signatory — through
 * Microsoft Graph, or straight to the signature card in local mode.
 */
export { renderDsaDocument, dsaFileName, sha256Of, type RenderedDsa } from './dsaDocument';
export { dsaContentOf, DsaNotReady, nhsEngland, type DsaContent, type DsaContentOptions } from './dsaContent';
export { DsaDocumentStore, currentDsaDocument } from './dsaDocumentStore';
export { signatoryRecipients } from './signatories';
export { signatureLedger, classifyRoutingError, type StepLedger } from './signatureLedger';
export {
  runSignatureRouting, graphSignatureRouting, localSignatureRouting, localRoutingDescription, DocumentMismatch, MissingEmail,
  type SignatureRouting, type SendSignatureCard, type GraphRoutingDependencies,
} from './signatureRouting';
export {
  signatureSteps, stepId, routingResult,
  type SignatureStep, type SignatoryRecipient, type SignatureRequest, type RoutingReport, type StepReport,
} from './signatureSteps';
