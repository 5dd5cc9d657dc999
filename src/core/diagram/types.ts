import type { Locale } from '../findings';

/** What a Mermaid node draws, so that the preview can map clicks and cursor moves to the YAML. */
export type DiagramNodeKind = 'start' | 'end' | 'step' | 'decision' | 'form' | 'record' | 'process' | 'external' | 'input' | 'output' | 'removed';

export interface DiagramNode {
  kind: DiagramNodeKind;
  /** Absolute path of the file that defines it (a removed step: the released copy). */
  file: string;
  /** JSON pointer of its definition in that file (a step: `/steps/3`). */
  pointer: string;
}

export interface Diagram {
  /** The Mermaid source. */
  text: string;
  /** Mermaid node id → what it draws. */
  nodes: Record<string, DiagramNode>;
}

export interface FlowchartOptions {
  direction?: 'TD' | 'LR';
  /** Draw forms and records as document shapes linked to their steps. */
  showForms?: boolean;
  /** Language of the few words the diagram adds itself (start, end, working days). */
  locale: Locale;
}

/** Options of the process map and the process sheet. */
export interface ProcessDiagramOptions {
  /** Default `LR`: processes and their interactions read left to right. */
  direction?: 'TD' | 'LR';
  /** Language of the few words the diagram adds itself (column titles of the process sheet). */
  locale: Locale;
}
