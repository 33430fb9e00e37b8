#!/usr/bin/env bash
# Trains on YARN.
#   client   the driver runs here: the settings file is read here, the exit code is Descent's
#            (0 done, 2 bad input, 3 diverged, 4 other failure). For scheduled runs.
#   cluster  the driver runs in the ApplicationMaster's container: the settings file is shipped
#            with --files and read from the container's working directory. YARN starts a failed
#            driver again (spark.yarn.maxAppAttempts, default 2), which resumes from
#            --checkpoint-dir when one is given. spark-submit exits 1 for every failure, so the
#            driver writes Descent's exit code to a file on the default file system (one line,
#            DESCENT_EXIT_CODE_DIR/<name>-<time>-<pid>), which this script reads with HADOOP_FS
#            once the application has ended, removes, and exits with: 0, 2, 3 or 4 as in client
#            mode. Without that file (the last attempt was killed, HADOOP_FS failed) the exit
#            code is spark-submit's own.
#
#   HADOOP_CONF_DIR or YARN_CONF_DIR   the cluster's client configuration (required by spark-submit)
#   DESCENT_EXIT_CODE_DIR  cluster mode: folder of the exit-code files; default .descent/exit-codes
#                          (relative: in the user's home directory, e.g. hdfs:///user/<name>/...)
#   HADOOP_FS              cluster mode: file system shell to read that file; default "hdfs dfs"
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
if [ "$mode" = client ]; then
  exec "${SUBMIT[@]}" --master yarn --deploy-mode client \
    "$DESCENT_JAR" train --conf "$DESCENT_CONF" "$@"
fi

exit_file="${DESCENT_EXIT_CODE_DIR:-.descent/exit-codes}/${DESCENT_NAME:-descent-train}-$(date -u +%Y%m%dT%H%M%SZ)-$$"
read -r -a hadoop_fs <<< "${HADOOP_FS:-hdfs dfs}"
set +e
"${SUBMIT[@]}" --master yarn --deploy-mode cluster \
  --files "$DESCENT_CONF#descent.properties" \
  --conf "spark.yarn.appMasterEnv.DESCENT_EXIT_CODE_FILE=$exit_file" \
  "$DESCENT_JAR" train --conf descent.properties "$@"
submitted=$?
code="$("${hadoop_fs[@]}" -cat "$exit_file" 2> /dev/null | head -1 | tr -dc '0-9')"
"${hadoop_fs[@]}" -rm -f -skipTrash "$exit_file" > /dev/null 2>&1
set -e
if [ -z "$code" ]; then
  echo "$(basename "$0"): no exit code from the driver in $exit_file: exit $submitted (spark-submit's)" >&2
  exit "$submitted"
fi
if [ "$code" -ne "$submitted" ]; then
  echo "$(basename "$0"): spark-submit exited $submitted; the driver's exit code is $code" >&2
fi
exit "$code"
