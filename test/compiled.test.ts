// Child processes started from source run the compiled copy in dist/ only while it is the build of the
// current sources, judged by content: an edited source or an edited dist/ file makes it stale.
import { describe, expect, it, onTestFinished } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledCopy, compiledIsCurrent, updateCompiled } from '../src/proc/compiled.js';
import { childEntry } from '../src/proc/child.js';

describe('the compiled copy of the sources', () => {
  it('is used only while it is the build of the current sources, and rebuilt only when it is not', () => {
    const root = mkdtempSync(join(tmpdir(), 'wasmtune-compiled-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'src', 'proc'), { recursive: true });
    mkdirSync(join(root, 'node_modules'));
    symlinkSync(join(process.cwd(), 'node_modules', 'typescript'), join(root, 'node_modules', 'typescript'));
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'dist', rootDir: '.', sourceMap: true, types: [], skipLibCheck: true },
      include: ['src/**/*.ts'],
    }));
    writeFileSync(join(root, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json' }));
    const child = join(root, 'src', 'proc', 'work-child.ts');
    writeFileSync(child, 'export const answer: number = 42;\n');
    writeFileSync(join(root, 'src', 'proc', 'other.ts'), 'export const other = 1;\n');
    const js = join(root, 'dist', 'src', 'proc', 'work-child.js');

    expect(compiledCopy(child, root)).toBeUndefined(); // nothing built yet
    expect(updateCompiled(root).rebuilt).toBe(true);
    expect(readFileSync(js, 'utf8')).toContain('answer = 42');
    expect(compiledCopy(child, root)).toBe(js);
    expect(updateCompiled(root).rebuilt).toBe(false);
    expect(existsSync(join(root, `.dist-build-${process.pid}`))).toBe(false);

    // Any source edit, even to another file, makes the whole copy stale; restoring the content makes it current again.
    const before = readFileSync(join(root, 'src', 'proc', 'other.ts'), 'utf8');
    appendFileSync(join(root, 'src', 'proc', 'other.ts'), 'export const more = 2;\n');
    expect(compiledCopy(child, root)).toBeUndefined();
    writeFileSync(join(root, 'src', 'proc', 'other.ts'), before);
    expect(compiledCopy(child, root)).toBe(js);

    // So does an edit to the compiled output, or a compiler setting.
    appendFileSync(js, '// edited\n');
    expect(compiledIsCurrent(root)).toBe(false);
    expect(updateCompiled(root).rebuilt).toBe(true);
    expect(compiledCopy(child, root)).toBe(js);
    writeFileSync(join(root, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { removeComments: true } }));
    expect(compiledIsCurrent(root)).toBe(false);

    // A new source file without its compiled copy: stale.
    expect(updateCompiled(root).rebuilt).toBe(true);
    writeFileSync(join(root, 'src', 'proc', 'new.ts'), 'export {};\n');
    expect(compiledIsCurrent(root)).toBe(false);
  }, 120_000);

  it('is what children of this project start from during the tests (the global setup builds it)', () => {
    const entry = childEntry(new URL('../src/binaryen/builder.ts', import.meta.url).href, 'builder-child');
    if (compiledIsCurrent()) expect(entry).toEqual({ file: join(process.cwd(), 'dist', 'src', 'binaryen', 'builder-child.js'), execArgv: [] });
    else expect(entry).toEqual({ file: join(process.cwd(), 'src', 'binaryen', 'builder-child.ts'), execArgv: ['--import', 'tsx'] });
  });
});
