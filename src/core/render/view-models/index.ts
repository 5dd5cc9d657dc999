/**
 * The view models: what each template sees. `docs/templates.md` lists them for template authors;
 * every field is documented where it is declared.
 */
export * from './common';
export * from './document';
export * from './procedure';
export * from './process';
export * from './registers';
export * from './release-decision';
