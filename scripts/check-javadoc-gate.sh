#!/usr/bin/env bash
# Proves that the Javadoc gate holds: in a copy of the tree, a public method without Javadoc is added to a
# public API type of entra-sync-core, and the build must fail on exactly that method's missing comment.
# The copy is thrown away; the checkout is never changed. Usage: scripts/check-javadoc-gate.sh (about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work"
target="entra-sync-core/src/main/java/dev/entrasync/TenantId.java"
# the record's last closing brace gets an undocumented public method before it
python3 - "$work/$target" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
end = text.rstrip().rfind("}")
open(path, "w").write(text[:end] + "\n    public int undocumentedOnPurpose(int value) {\n        return value;\n    }\n}\n")
PY
line="$(grep -n 'public int undocumentedOnPurpose' "$work/$target" | cut -d: -f1)"
if (cd "$work" && mvn -B -o package -DskipTests -Dspotless.check.skip -pl entra-sync-core -am) >"$work/build.log" 2>&1; then
  echo "Javadoc gate OPEN: the build passed with an undocumented public method in $target" >&2
  exit 1
fi
if ! grep -q "TenantId.java:$line: warning: no comment" "$work/build.log"; then
  tail -40 "$work/build.log"
  echo "the build failed, but not on the undocumented method at $target:$line" >&2
  exit 1
fi
echo "Javadoc gate holds: an undocumented public method ($target:$line) fails the build"
