export { procedureFlowchart } from './flowchart';
export { processMap } from './process-map';
export { processSheet } from './process-sheet';
export type { Diagram, DiagramNode, DiagramNodeKind, FlowchartOptions, ProcessDiagramOptions } from './types';
