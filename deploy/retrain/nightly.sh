#!/usr/bin/env bash
# One scheduled retraining night (see deploy/retrain/crontab and deploy/README.md), gated at both
# ends: check -> train -> promote.
#   1. check: the night's data against the profile the champion (the model MODELS/latest names)
#      recorded: a schema it does not fit stops the night with 2, a drifted distribution with 5
#      (the report is in DESCENT_CHECKS/VERSION/drift.html);
#   2. train into MODELS/VERSION, warm-started from the champion, with checkpoints in
#      CHECKPOINTS/VERSION, so that a retry of the same version resumes where the failed try stopped;
#   3. promote: the new model against the champion on DESCENT_HOLDOUT; `descent promote` writes
#      MODELS/VERSION/promotion.json and switches latest atomically only when the candidate is not
#      worse (else 6, latest unchanged). Then the version's checkpoints are dropped.
# Re-running a night: one whose version latest already names does nothing and exits 0; one that
# was refused exits 6 again without work (its promotion.json says why); one that failed half-way
# goes on from where it stopped (a trained model is not trained again; training resumes from its
# checkpoints; promote recomputes the same decision and completes the switch).
#
#   DESCENT_DATA         this night's training data, any Hadoop path (required)
#   DESCENT_HOLDOUT      this night's held-out labelled data for promote (required)
#   DESCENT_MODELS       folder of the model versions and of `latest`, a local path or a Hadoop URI (required)
#   DESCENT_CHECKPOINTS  folder of the checkpoints, on durable storage: hdfs://, s3a://, ... (required)
#   DESCENT_CHECKS       folder of the data checks' reports (VERSION/drift.json, drift.html);
#                        default MODELS/_checks
#   DESCENT_VERSION      this version's name; default the UTC time, e.g. 2026-11-24T0200
#   DESCENT_SUBMIT       the train command, split at spaces; default deploy/submit-standalone.sh
#                        (e.g. "deploy/submit-yarn.sh client"), which reads MASTER, SPARK_HOME, ...
#   DESCENT_GATE         the command that runs `descent check` and `descent promote`, split at
#                        spaces; default spark-submit --class io.descent.cli.Main --master $MASTER
#                        --deploy-mode client $DESCENT_JAR
#   DESCENT_CHECK_ARGS   more check flags, e.g. "--max-feature-psi 0.5" (split at spaces)
#   DESCENT_PROMOTE_ARGS more promote flags, e.g. "--metric accuracy --max-regression 0.01"
#   DESCENT_ATTEMPTS     tries for failures that another try may cure; default 3
#   DESCENT_RETRY_DELAY  seconds between tries; default 300
#   HADOOP_FS            file system shell for Hadoop URIs; default "hdfs dfs"
# Arguments: train flags for every version, e.g. --loss logistic --reg 0.01 (or keys in DESCENT_CONF).
#
# Exit codes, Descent's contract (README, `descent --help`): 0 published (or already published);
# do not retry, a person must look: 2 bad arguments, settings, data or schema, 3 diverged,
# 5 data drift, 6 not promoted; retry later: 4 (infrastructure, after every try here failed).
# Exit codes 4, 130, 143 and any other (1 from spark-submit itself, or YARN cluster mode, which
# reports every failure as 1) are retried here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "$(date -u +%FT%TZ) nightly: $*" >&2; }
fail() {
  log "$2"
  exit "$1"
}

[ -n "${DESCENT_DATA:-}" ] || fail 2 "set DESCENT_DATA (this night's training data)"
[ -n "${DESCENT_HOLDOUT:-}" ] || fail 2 "set DESCENT_HOLDOUT (this night's held-out data, for promote)"
[ -n "${DESCENT_MODELS:-}" ] || fail 2 "set DESCENT_MODELS (the folder of the model versions)"
[ -n "${DESCENT_CHECKPOINTS:-}" ] || fail 2 "set DESCENT_CHECKPOINTS (durable storage)"
version="${DESCENT_VERSION:-$(date -u +%Y-%m-%dT%H%M)}"
models="${DESCENT_MODELS%/}"
output="$models/$version"
checkpoints="${DESCENT_CHECKPOINTS%/}/$version"
checks="${DESCENT_CHECKS:-$models/_checks}"
checks="${checks%/}/$version"
attempts="${DESCENT_ATTEMPTS:-3}"
read -r -a submit <<< "${DESCENT_SUBMIT:-$here/../submit-standalone.sh}"
if [ -n "${DESCENT_GATE:-}" ]; then
  read -r -a gate <<< "$DESCENT_GATE"
else
  gate=("${SPARK_HOME:?set SPARK_HOME or DESCENT_GATE}/bin/spark-submit" --class io.descent.cli.Main
    --master "${MASTER:?set MASTER or DESCENT_GATE}" --deploy-mode client "${DESCENT_JAR:?set DESCENT_JAR or DESCENT_GATE}")
fi
read -r -a check_args <<< "${DESCENT_CHECK_ARGS:-}"
read -r -a promote_args <<< "${DESCENT_PROMOTE_ARGS:-}"
read -r -a hadoop_fs <<< "${HADOOP_FS:-hdfs dfs}"

# The few file operations needed, on a local path (or file:) or through the Hadoop shell.
is_local() {
  case "$1" in
    file:* | /* | ./* | ../*) return 0 ;;
    *://*) return 1 ;;
    *) return 0 ;;
  esac
}
local_path() {
  local p="${1#file:}"
  case "$p" in //*) p="${p#//}" ;; esac
  echo "$p"
}
exists() {
  if is_local "$1"; then [ -e "$(local_path "$1")" ]; else "${hadoop_fs[@]}" -test -e "$1"; fi
}
read_text() {
  if is_local "$1"; then cat "$(local_path "$1")"; else "${hadoop_fs[@]}" -cat "$1"; fi
}
remove_tree() {
  if is_local "$1"; then rm -rf "$(local_path "$1")"; else "${hadoop_fs[@]}" -rm -r -f -skipTrash "$1"; fi
}

# Runs one step, retrying the failures another try may cure; returns the step's last exit code
# for the codes a person must look at (2, 3, 5, 6), 0 on success, and fails with 4 otherwise.
step() {
  local name="$1" code
  shift
  for ((attempt = 1; ; attempt++)); do
    log "$name: try $attempt/$attempts"
    code=0
    "$@" || code=$?
    case "$code" in
      0 | 2 | 3 | 5 | 6) return "$code" ;;
    esac
    if ((attempt >= attempts)); then
      fail 4 "$name: try $attempt/$attempts failed (exit $code): giving up; a rerun with DESCENT_VERSION=$version goes on from here"
    fi
    log "$name: try $attempt/$attempts failed (exit $code): next try in ${DESCENT_RETRY_DELAY:-300} s"
    sleep "${DESCENT_RETRY_DELAY:-300}"
  done
}

# The champion: the version `latest` names.
champion=""
if exists "$models/latest"; then
  champion="$(read_text "$models/latest" | head -1 | tr -d '[:space:]')"
fi
if [ -n "$champion" ] && [ "$champion" = "$version" ]; then
  log "$output is already the latest model: nothing to do"
  exit 0
fi
if exists "$output/promotion.json" && read_text "$output/promotion.json" | grep -q '"decision" *: *"not promoted"'; then
  fail 6 "$output was not promoted on an earlier run ($output/promotion.json says why): nothing to do"
fi

warm_start=()
if exists "$output/_SUCCESS"; then
  log "$output is trained already (an earlier run): on to promote"
else
  exists "$DESCENT_DATA" || fail 4 "$DESCENT_DATA does not exist (yet): retry later"
  if [ -n "$champion" ]; then
    code=0
    step check "${gate[@]}" check --model "$models/$champion" --data "$DESCENT_DATA" \
      --output "$checks" ${check_args[@]+"${check_args[@]}"} || code=$?
    case "$code" in
      0) ;;
      5) fail 5 "data drift against $champion (exit 5): not training; see $checks/drift.html" ;;
      *) fail "$code" "check refused $DESCENT_DATA (exit $code): not training; latest still names $champion" ;;
    esac
    warm_start=(--warm-start "$models/$champion")
    log "warm start from $models/$champion"
  else
    log "no $models/latest yet: no data check, training from zero"
  fi
  code=0
  step train "${submit[@]}" --data "$DESCENT_DATA" --output "$output" --checkpoint-dir "$checkpoints" \
    ${warm_start[@]+"${warm_start[@]}"} "$@" || code=$?
  case "$code" in
    0) ;;
    3) fail 3 "training diverged (exit 3): not retrying; try a smaller --step or --optimizer armijo" ;;
    *) fail "$code" "training refused its input (exit $code): not retrying; latest still names ${champion:-nothing}" ;;
  esac
fi

exists "$output/_SUCCESS" || fail 4 "$output has no _SUCCESS"
code=0
step promote "${gate[@]}" promote --candidate "$output" --models "$models" --data "$DESCENT_HOLDOUT" \
  ${promote_args[@]+"${promote_args[@]}"} || code=$?
remove_tree "$checkpoints" || log "warning: could not remove $checkpoints"
case "$code" in
  0) log "published: $models/latest -> $version" ;;
  6) fail 6 "$version is worse than ${champion:-the champion} (exit 6): latest unchanged; see $output/promotion.json" ;;
  *) fail "$code" "promote refused (exit $code): latest unchanged" ;;
esac
