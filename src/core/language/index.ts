/**
 * The language service: completion, hover, definition, references, rename and outline on QMS
 * files, for any editor. Pure: it reads a `Workspace` and answers with offsets, `SourceRange`s
 * and `LocalizedText`; the VS Code adapter lives in src/extension/language.
 */
export { complete } from './completion';
export { hover } from './hover';
export { definition, references } from './navigation';
export { prepareRename, rename, checkNewName } from './rename';
export { outline } from './outline';
export { nodeAt, type NodeAt, type PathSegment } from './node-at';
export { withOverlays } from './overlay';
export { symbolAt } from './symbols-at';
export * from './types';
