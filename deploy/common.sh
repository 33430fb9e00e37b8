# Sourced by the submit scripts (not run by itself): where Spark, the application jar and the
# settings are, all taken from the environment, and the spark-submit options every target shares.
#
#   SPARK_HOME               Spark 3.5.x (Scala 2.12) installation; required unless SPARK_SUBMIT is set
#   SPARK_SUBMIT             submit command; default $SPARK_HOME/bin/spark-submit (spark3-submit on some distributions)
#   DESCENT_JAR              application jar; default this checkout's target/descent_*-app.jar
#   DESCENT_CONF             settings file; default this checkout's conf/descent.properties
#   DESCENT_NAME             Spark application name; default descent-train
#   DESCENT_DRIVER_MEMORY    --driver-memory
#   DESCENT_EXECUTOR_MEMORY  --executor-memory
#   DESCENT_EXECUTOR_CORES   --executor-cores
#   DESCENT_JVM_OPTIONS      JVM options file; default this checkout's conf/jvm-options. Spark 3.5 adds its
#                            Java 17 list (--add-opens ...) to every JVM by itself; the other entries (today
#                            --add-modules=jdk.incubator.vector, for netlib's VectorBLAS) go to the driver
#                            and the executors as spark.{driver,executor}.extraJavaOptions
#   DESCENT_JAVA_OPTS        more JVM options of the driver and the executors
#   DESCENT_SUBMIT_OPTS      more spark-submit options, split at spaces, e.g. "--conf spark.eventLog.enabled=true"
# shellcheck shell=bash

DESCENT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

if [ -z "${SPARK_SUBMIT:-}" ]; then
  [ -n "${SPARK_HOME:-}" ] || die "set SPARK_HOME (a Spark 3.5 installation) or SPARK_SUBMIT"
  SPARK_SUBMIT="$SPARK_HOME/bin/spark-submit"
fi
if [ -z "${DESCENT_JAR:-}" ]; then
  for jar in "$DESCENT_HOME"/target/descent_*-app.jar; do
    DESCENT_JAR="$jar"
  done
fi
case "${DESCENT_JAR:-}" in
  *://*) ;;  # local:// inside an image, hdfs://, s3a://: Spark resolves those
  *) [ -f "${DESCENT_JAR:-}" ] ||
       die "no application jar ${DESCENT_JAR:-}: run 'mvn -B -DskipTests package' or set DESCENT_JAR" ;;
esac
DESCENT_CONF="${DESCENT_CONF:-$DESCENT_HOME/conf/descent.properties}"
[ -f "$DESCENT_CONF" ] || die "DESCENT_CONF $DESCENT_CONF does not exist"

# Options of every target; each script adds its master, deploy mode and how the settings travel.
SUBMIT=("$SPARK_SUBMIT" --class io.descent.cli.Main --name "${DESCENT_NAME:-descent-train}"
  --conf spark.ui.showConsoleProgress=false)
if [ -n "${DESCENT_DRIVER_MEMORY:-}" ]; then
  SUBMIT+=(--driver-memory "$DESCENT_DRIVER_MEMORY")
fi
if [ -n "${DESCENT_EXECUTOR_MEMORY:-}" ]; then
  SUBMIT+=(--executor-memory "$DESCENT_EXECUTOR_MEMORY")
fi
if [ -n "${DESCENT_EXECUTOR_CORES:-}" ]; then
  SUBMIT+=(--executor-cores "$DESCENT_EXECUTOR_CORES")
fi
# The JVM options Spark does not add itself, so executors run as bin/descent's local mode does.
jvm_options_file="${DESCENT_JVM_OPTIONS:-$DESCENT_HOME/conf/jvm-options}"
java_opts=()
if [ -f "$jvm_options_file" ]; then
  mapfile -t java_opts < <(grep -v -e '^#' -e '^[[:space:]]*$' -e '^--add-opens=' \
    -e '^-XX:+IgnoreUnrecognizedVMOptions$' -e '^-Djdk.reflect.useDirectMethodHandle=' \
    "$jvm_options_file" || true)
fi
if [ -n "${DESCENT_JAVA_OPTS:-}" ]; then
  java_opts+=("$DESCENT_JAVA_OPTS")
fi
if [ "${#java_opts[@]}" -gt 0 ]; then
  SUBMIT+=(--conf "spark.driver.extraJavaOptions=${java_opts[*]}"
    --conf "spark.executor.extraJavaOptions=${java_opts[*]}")
fi
if [ -n "${DESCENT_SUBMIT_OPTS:-}" ]; then
  read -r -a more_options <<< "$DESCENT_SUBMIT_OPTS"
  SUBMIT+=("${more_options[@]}")
fi
