export { generateDocuments, fileSafeName, trustSvg, GenerateError, MANIFEST_NAME } from './generate';
export type { GenerateOptions, GenerateResult, Manifest, ManifestEntry, NotIssued, WrittenFile } from './generate';
export { createEnvironment, TemplateError } from './environment';
export type { OutputFormat, RenderEnvironment, TemplateSource } from './environment';
export { loadTemplates, OUTPUT_NAMES, TemplatePathError, isInside } from './templates';
export type { OutputName, TemplateLocations } from './templates';
export { LABELS, label } from './labels';
export { TrustedMarkup, isTrusted } from './trusted';
export * from './view-models/index';
