#!/usr/bin/env bash
# Trains the fixed matrix of io.descent.testing.WeightFingerprints (every optimizer and loss,
# libsvm and csv input, holdouts, float features) on the Spark 3.5 line and on the Spark 4 line
# and compares: the weights must be identical bit for bit ("identical: N runs"), since the
# kernels are Descent's own Java code on both. Usage: .ci/cross-line.sh
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
fingerprints() {  # $1 name, $2 build directory, $3... maven profile flags
  local name=$1 build=$2; shift 2
  mvn -B -q "$@" test-compile dependency:build-classpath -DincludeScope=test \
      -Dmdep.outputFile="$work/cp-$name.txt" > "$work/mvn-$name.log" 2>&1 \
    || { cat "$work/mvn-$name.log" >&2; exit 1; }
  SPARK_LOCAL_IP=127.0.0.1 java -Xmx4g $flags -Dio.netty.tryReflectionSetAccessible=true \
      -Dlog4j2.level=error -Ddescent.shared.datasets="$top/../shared/datasets" \
      -cp "$build/classes:$build/test-classes:$(cat "$work/cp-$name.txt")" \
      io.descent.testing.WeightFingerprints 2>/dev/null > "$work/$name.txt"
}
fingerprints spark3 target
fingerprints spark4 target-spark4 -Pspark4
if diff "$work/spark3.txt" "$work/spark4.txt"; then
  echo "identical: $(wc -l < "$work/spark4.txt") runs, Spark 3.5 line vs Spark 4 line"
else
  echo "DIFFERENT: the lines above differ (Spark 3.5 < > Spark 4)"
  exit 1
fi
