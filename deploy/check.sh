#!/usr/bin/env bash
# Offline checks of the infrastructure code: cfn-lint on the SAM template, terraform fmt, and a strict
# HCL parse of every .tf file. A missing tool is skipped with a message; any failure exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v cfn-lint >/dev/null 2>&1; then
  echo "deploy/check: $(cfn-lint --version)"
  cfn-lint deploy/sam/template.yaml
  echo "deploy/check: cfn-lint passed"
else
  echo "deploy/check: cfn-lint not on PATH, SAM template lint skipped"
fi

if command -v terraform >/dev/null 2>&1; then
  echo "deploy/check: $(terraform version | head -1)"
  terraform fmt -check -recursive deploy/terraform
  echo "deploy/check: terraform fmt passed"
else
  echo "deploy/check: terraform not on PATH, terraform fmt skipped"
fi

if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  tools="$(mktemp -d)"
  trap 'rm -rf "$tools"' EXIT
  npm install --prefix "$tools" --no-audit --no-fund --silent @cdktf/hcl2json >/dev/null
  # hcl2json rejects syntax errors with their position; it only parses, it needs no provider.
  TF_FILES="$(find deploy/terraform -name '*.tf' | sort)" node -e '
    const { parse } = require(process.argv[1]);
    const fs = require("fs");
    (async () => {
      let failed = 0;
      for (const file of process.env.TF_FILES.split("\n").filter(Boolean)) {
        try {
          await parse(file, fs.readFileSync(file, "utf8"));
        } catch (e) {
          failed++;
          console.error("deploy/check: " + file + ": " + (e.message || e));
        }
      }
      if (failed) process.exit(1);
      console.log("deploy/check: strict HCL parse passed");
    })();
  ' "$tools/node_modules/@cdktf/hcl2json"
else
  echo "deploy/check: npm not on PATH, strict HCL parse skipped"
fi
