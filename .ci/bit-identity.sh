#!/usr/bin/env bash
# Compares the models of a fixed matrix of training runs (io.descent.testing.WeightFingerprints)
# between a base revision and the work tree: a change that claims "behaviour unchanged bit for
# bit" must print "identical". Usage: .ci/bit-identity.sh [BASE_REV]   (default: origin of HEAD~1)
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev="${1:-HEAD~1}"
top=$(pwd)
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/base" "$base_rev" >/dev/null
# The harness uses only the CLI and model.json, so the current copy compiles against the base.
cp src/test/java/io/descent/testing/WeightFingerprints.java "$work/base/src/test/java/io/descent/testing/"
flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
fingerprints() {
  (cd "$1" && { mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$work/cp-$2.txt" > "$work/mvn-$2.log" 2>&1 \
      || { cat "$work/mvn-$2.log" >&2; exit 1; }; } \
    && SPARK_LOCAL_IP=127.0.0.1 java -Xmx4g $flags -Dlog4j2.level=error \
      -Ddescent.shared.datasets="$top/../shared/datasets" \
      -cp "target/classes:target/test-classes:$(cat "$work/cp-$2.txt")" \
      io.descent.testing.WeightFingerprints 2>/dev/null) > "$work/$2.txt"
}
fingerprints "$work/base" base
fingerprints "$top" head
if diff "$work/base.txt" "$work/head.txt"; then
  echo "identical: $(wc -l < "$work/head.txt") runs, $base_rev vs the work tree"
else
  echo "DIFFERENT: the lines above differ ($base_rev < > work tree)"
  exit 1
fi
