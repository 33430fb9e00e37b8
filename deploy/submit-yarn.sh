#!/usr/bin/env bash
# Trains on YARN.
#   client   the driver runs here: the settings file is read here, the exit code is Descent's
#            (0 done, 2 bad input, 3 diverged, 4 other failure). For scheduled runs.
#   cluster  the driver runs in the ApplicationMaster's container: the settings file is shipped
#            with --files and read from the container's working directory. spark-submit then
#            exits 1 for every failure (see the application's diagnostics for Descent's message),
#            and YARN starts a failed driver again (spark.yarn.maxAppAttempts, default 2), which
#            resumes from --checkpoint-dir when one is given.
#
#   HADOOP_CONF_DIR or YARN_CONF_DIR   the cluster's client configuration (required by spark-submit)
#   DESCENT_NUM_EXECUTORS  --num-executors, with dynamic allocation off: the data is cached on the
#                          executors, and one that joins later holds none of it
#   DESCENT_QUEUE          --queue
#   and the variables of deploy/common.sh (SPARK_HOME, DESCENT_JAR, DESCENT_CONF, sizes)
#
# Usage: deploy/submit-yarn.sh cluster|client --data hdfs:///d/train --loss logistic \
#          --output hdfs:///models/m1 [more train flags; they override DESCENT_CONF]
set -euo pipefail
# shellcheck source=deploy/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

mode="${1:-}"
case "$mode" in
  cluster | client) shift ;;
  *) die "usage: $0 cluster|client [train flags]" ;;
esac
[ -n "${HADOOP_CONF_DIR:-}${YARN_CONF_DIR:-}" ] ||
  die "set HADOOP_CONF_DIR (or YARN_CONF_DIR) to the cluster's client configuration"

if [ -n "${DESCENT_NUM_EXECUTORS:-}" ]; then
  SUBMIT+=(--num-executors "$DESCENT_NUM_EXECUTORS" --conf spark.dynamicAllocation.enabled=false)
fi
if [ -n "${DESCENT_QUEUE:-}" ]; then
  SUBMIT+=(--queue "$DESCENT_QUEUE")
fi
if [ "$mode" = cluster ]; then
  SUBMIT+=(--files "$DESCENT_CONF#descent.properties")
  settings=descent.properties
else
  settings="$DESCENT_CONF"
fi

exec "${SUBMIT[@]}" --master yarn --deploy-mode "$mode" \
  "$DESCENT_JAR" train --conf "$settings" "$@"
