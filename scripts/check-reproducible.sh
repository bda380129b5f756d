#!/usr/bin/env bash
# Builds the published modules twice, each from its own copy of the source tree at a different path, and
# compares the SHA-256 of every jar (classes, sources) and POM they produce. Any difference means the
# build is not reproducible: a time stamp, a path or an ordering leaked into an artifact.
# Usage: scripts/check-reproducible.sh   (needs Java 17 and Maven; about two minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
modules="entra-sync-bom,entra-sync-testkit,entra-sync-core,entra-sync-testing,entra-sync-jdbc,entra-sync-micrometer,entra-sync-spring-boot-starter"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build() {
  local dir="$work/$1"
  mkdir -p "$dir"
  # the tracked and new files of this checkout, not its build output
  git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$dir"
  (cd "$dir" && mvn -B -q -o package -DskipTests -Denforcer.skip -pl "$modules" -am) >"$work/$1.log" 2>&1 \
    || { cat "$work/$1.log"; echo "build $1 failed" >&2; exit 1; }
  (cd "$dir" && find . -path '*/target/*.jar' -o -path '*/target/*.pom' | sort | xargs sha256sum) >"$work/$1.sha256"
}

build first
build second-copy-elsewhere
if ! diff -u "$work/first.sha256" "$work/second-copy-elsewhere.sha256"; then
  echo "NOT reproducible: the jars above differ between two builds of the same source" >&2
  exit 1
fi
echo "reproducible: $(wc -l <"$work/first.sha256") artifacts byte-identical across two builds"
cat "$work/first.sha256"
