// A profile names each function as Binaryen does when it reads the module (binaryen.readBinary, then
// getFunctionInfo(getFunctionByIndex(i)).name), without loading Binaryen: src/measure/wasm-sections.ts
// reads the name section itself. Checked on a module without a name section (sql.js: imports are
// fimport$N, defined functions their position among the defined ones), AssemblyScript's names with
// slashes, angle brackets and `#` (crc32, whose import has no name), C modules, and a module built here
// whose name section repeats names, takes the default names, holds a NUL byte and non-ASCII text.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { binaryen } from '../../src/binaryen/module.js';
import { binaryenFunctionNames, readLayout } from '../../src/measure/wasm-sections.js';
import { uleb as leb } from '../../src/wasm/reader.js';

const file = (path: string) => new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url)));

function binaryensNames(bytes: Uint8Array): string[] {
  const m = binaryen.readBinary(bytes);
  try {
    return Array.from({ length: m.getNumFunctions() }, (_, i) => binaryen.getFunctionInfo(m.getFunctionByIndex(i)).name);
  } finally {
    m.dispose();
  }
}

const ours = (bytes: Uint8Array) => binaryenFunctionNames(readLayout(bytes));

// A module assembled byte by byte: two function imports around a memory and a global import, six
// defined functions, and the name section given.
const str = (s: string | Uint8Array) => {
  const b = typeof s === 'string' ? [...new TextEncoder().encode(s)] : [...s];
  return [...leb(b.length), ...b];
};
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];

function moduleWithNames(entries: Array<[number, string | Uint8Array]>, defined = 6): Uint8Array {
  const types = section(1, [1, 0x60, 0, 0]);
  const imports = section(2, [
    4,
    ...str('env'), ...str('f'), 0, 0,
    ...str('env'), ...str('mem'), 2, 0, 1,
    ...str('env'), ...str('g'), 3, 0x7f, 0,
    ...str('env'), ...str('h'), 0, 0,
  ]);
  const funcs = section(3, [defined, ...Array(defined).fill(0)]);
  const code = section(10, [defined, ...Array.from({ length: defined }, () => [2, 0, 0x0b]).flat()]);
  const subsection = [entries.length, ...entries.flatMap(([i, n]) => [...leb(i), ...str(n)])];
  const names = section(0, [...str('name'), 1, ...leb(subsection.length), ...subsection]);
  return new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...code, ...names]);
}

describe("function names as Binaryen's reader gives them", () => {
  it('without a name section: fimport$N for imports, the position among defined functions for the others (sql.js)', () => {
    const bytes = file('bench/modules/sqljs/module.wasm');
    const names = ours(bytes);
    expect(readLayout(bytes).nameSubsections).toEqual([]);
    expect(names.slice(0, 2)).toEqual(['fimport$0', 'fimport$1']);
    expect(names[40]).toBe('0');
    expect(names).toEqual(binaryensNames(bytes));
  });

  it("with AssemblyScript's names and an unnamed import (crc32)", () => {
    const bytes = file('kernels/wasmtune-v0/crc32/module.wasm');
    const names = ours(bytes);
    expect(names[0]).toBe('fimport$0');
    expect(names).toContain('~lib/staticarray/StaticArray<u32>#__uset');
    expect(names).toEqual(binaryensNames(bytes));
  });

  it('with the names clang writes (json, regex, vm at -O0 and -O1)', () => {
    for (const path of ['bench/modules/json/json-O0.wasm', 'bench/modules/json/json-O1.wasm', 'bench/modules/regex/regex-O1.wasm', 'bench/modules/vm/vm-O0.wasm']) {
      const bytes = file(path);
      expect(ours(bytes), path).toEqual(binaryensNames(bytes));
    }
  });

  it('with repeated names, names that are default names, odd characters, a NUL byte, and gaps', () => {
    const nul = new Uint8Array([0x61, 0, 0x62]); // "a\0b"
    const cases: Array<Array<[number, string | Uint8Array]>> = [
      [[0, 'dup'], [2, 'dup'], [3, 'dup'], [4, 'dup_2']],
      [[2, '1'], [3, 'fimport$1'], [5, '0']],
      [[1, 'fimport$0'], [2, 'fimport$0_2']],
      [[0, 'café ☕'], [2, '$"odd" name\\with\tescapes'], [3, ''], [4, '']],
      [[2, nul], [3, 'a']],
      [[3, 'late'], [2, 'early'], [3, 'again'], [40, 'past the end']],
    ];
    for (const entries of cases) {
      const bytes = moduleWithNames(entries);
      expect(ours(bytes), JSON.stringify(entries)).toEqual(binaryensNames(bytes));
    }
    expect(ours(moduleWithNames([[0, 'dup'], [2, 'dup'], [3, 'dup']]))).toEqual(['dup', 'fimport$1', 'dup_1', 'dup_2', '2', '3', '4', '5']);
  });
});
