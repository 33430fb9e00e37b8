#!/usr/bin/env bash
# Trains on a Spark standalone cluster. The driver runs here (client deploy mode), so it reads
# the settings file from this machine and the exit code is Descent's own: 0 done, 2 bad
# arguments, settings or data, 3 diverged, 4 other failure.
#
#   MASTER               spark://host:7077 (spark://h1:7077,h2:7077 with standby masters);
#                        local[N] runs everything in this JVM, to try a setup on one machine
#   DESCENT_TOTAL_CORES  --total-executor-cores; default every free core of the cluster
#   SPARK_LOCAL_IP       the driver's address (it runs here); default this machine's address on
#                        the route to the master (bin/driver-address), else Spark's choice
#   and the variables of deploy/common.sh (SPARK_HOME, DESCENT_JAR, DESCENT_CONF, sizes)
#
# Usage: MASTER=spark://master:7077 deploy/submit-standalone.sh --data hdfs:///d/train \
#          --loss logistic --output hdfs:///models/m1 [more train flags; they override DESCENT_CONF]
set -euo pipefail
# shellcheck source=deploy/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ -n "${MASTER:-}" ] || die "set MASTER, e.g. spark://master:7077"
case "$MASTER" in
  spark://* | local*) ;;
  *) die "MASTER=$MASTER is not a standalone master: use submit-yarn.sh or submit-k8s.sh" ;;
esac
# The driver runs here: it must bind to an address the workers' executors reach. Unless
# SPARK_LOCAL_IP says which, take this machine's address on the route to the master.
if [ -z "${SPARK_LOCAL_IP:-}" ]; then
  address="$("$DESCENT_HOME/bin/driver-address" "$MASTER")"
  if [ -n "$address" ]; then
    export SPARK_LOCAL_IP="$address"
  fi
fi
if [ -n "${DESCENT_TOTAL_CORES:-}" ]; then
  SUBMIT+=(--total-executor-cores "$DESCENT_TOTAL_CORES")
fi

exec "${SUBMIT[@]}" --master "$MASTER" --deploy-mode client \
  "$DESCENT_JAR" train --conf "$DESCENT_CONF" "$@"
