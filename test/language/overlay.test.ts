import { describe, expect, it } from 'vitest';
import { complete } from '../../src/core/language/completion';
import { withOverlays } from '../../src/core/language/overlay';
import { abs, offsetOf, PROCEDURE, SYSTEM, workspaceOf } from './helpers';

const PROC = abs('procedures/QT-01.qms.yaml');

describe('withOverlays', () => {
  it("answers from the editor's text without changing the linter's workspace", async () => {
    const stored = await workspaceOf();
    const storedFile = stored.index.byPath.get(PROC)!;
    const storedRanges = JSON.stringify(storedFile.parsed.document!.contents!.toJSON());
    const storedRange = [...(storedFile.parsed.document!.contents as { range: number[] }).range];
    // A keystroke inside one step: the incremental re-parse path.
    const typed = PROCEDURE.replace('    role: mot-cua\n    duration', '    role: \n    duration');
    const overlaid = withOverlays(stored, new Map([[PROC, typed]]));
    const items = complete(overlaid, overlaid.index.byPath.get(PROC)!, offsetOf(typed, 'role: |\n    duration'));
    expect(items.map((i) => i.label)).toEqual(['chi-huy-truong', 'mot-cua']);
    // The linter's workspace still holds the old text, file object, tree and ranges.
    expect(stored.index.byPath.get(PROC)).toBe(storedFile);
    expect(storedFile.parsed.text).toBe(PROCEDURE);
    expect(JSON.stringify(storedFile.parsed.document!.contents!.toJSON())).toBe(storedRanges);
    expect((storedFile.parsed.document!.contents as { range: number[] }).range).toEqual(storedRange);
    expect(stored.files.find((f) => f.path === PROC)).toBe(storedFile);
  });

  it('costs nothing when the text is what the linter has', async () => {
    const stored = await workspaceOf();
    expect(withOverlays(stored, new Map([[PROC, PROCEDURE], [abs('qms.yaml'), SYSTEM]]))).toBe(stored);
  });

  it('sees a role added in an unsaved qms.yaml', async () => {
    const stored = await workspaceOf();
    const system = SYSTEM.replace('externals:', '  - id: van-thu\n    name: Văn thư\nexternals:');
    const typed = PROCEDURE.replace('    role: mot-cua\n    duration', '    role: \n    duration');
    const overlaid = withOverlays(stored, new Map([[abs('qms.yaml'), system], [PROC, typed]]));
    const items = complete(overlaid, overlaid.index.byPath.get(PROC)!, offsetOf(typed, 'role: |\n    duration'));
    expect(items.map((i) => i.label)).toEqual(['chi-huy-truong', 'mot-cua', 'van-thu']);
    expect(stored.index.roles.has('van-thu')).toBe(false);
  });
});
