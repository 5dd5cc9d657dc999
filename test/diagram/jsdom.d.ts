// jsdom ships no types and @types/jsdom is not installed: the little the diagram tests use.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: Record<string, unknown>);
    readonly window: any;
  }
}
