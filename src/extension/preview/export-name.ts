import * as path from 'node:path';
import type { ExportFormat } from '../../shared/preview-protocol';

/**
 * The file name of an exported picture beside its YAML: `QT-DV-01.qms.yaml` → `QT-DV-01.svg`,
 * `qms.yaml` (the process map) → `process-map.svg`.
 */
export function exportFileName(yamlPath: string, format: ExportFormat): string {
  const base = path.basename(yamlPath);
  const stem = base === 'qms.yaml' ? 'process-map' : base.replace(/\.qms\.yaml$/i, '').replace(/\.ya?ml$/i, '');
  return `${stem}.${format}`;
}
