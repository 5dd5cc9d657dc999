/**
 * The few `vscode` classes the extension's pure adapters use, for unit tests outside an editor.
 * Behaviour that matters (positions, ranges) follows the VS Code API; the end-to-end suite runs
 * the same adapters against the real one.
 */
export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number | Position, startCharacter: number | Position, endLine?: number, endCharacter?: number) {
    if (startLine instanceof Position && startCharacter instanceof Position) {
      this.start = startLine;
      this.end = startCharacter;
    } else {
      this.start = new Position(startLine as number, startCharacter as number);
      this.end = new Position(endLine!, endCharacter!);
    }
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export enum DiagnosticTag {
  Unnecessary = 1,
  Deprecated = 2,
}

export class Uri {
  private constructor(readonly scheme: string, readonly fsPath: string, private readonly text: string) {}
  static file(path: string): Uri {
    return new Uri('file', path, `file://${path}`);
  }
  static parse(text: string): Uri {
    return new Uri(text.split(':')[0]!, '', text);
  }
  toString(): string {
    return this.text;
  }
}

export class Location {
  constructor(readonly uri: Uri, readonly range: Range) {}
}

export class DiagnosticRelatedInformation {
  constructor(readonly location: Location, readonly message: string) {}
}

export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  relatedInformation?: DiagnosticRelatedInformation[];
  tags?: DiagnosticTag[];
  constructor(readonly range: Range, readonly message: string, readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error) {}
}

export class WorkspaceEdit {
  readonly replacements: Array<{ uri: Uri; range: Range; newText: string }> = [];
  replace(uri: Uri, range: Range, newText: string): void {
    this.replacements.push({ uri, range, newText });
  }
}

export const env = { language: 'en' };

/** A text document as VS Code models one: lines split at \r\n, \n or \r; positions in UTF-16 units. */
export function fakeDocument(path: string, text: string) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      lineStarts.push(i + 2);
      i++;
    } else if (text[i] === '\n' || text[i] === '\r') lineStarts.push(i + 1);
  }
  return {
    uri: Uri.file(path),
    getText: () => text,
    positionAt(offset: number): Position {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
      return new Position(line, offset - lineStarts[line]!);
    },
  };
}
