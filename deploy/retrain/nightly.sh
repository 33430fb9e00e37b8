#!/usr/bin/env bash
# One scheduled retraining run (see deploy/retrain/crontab and deploy/README.md):
#   1. warm start from the last good model, the one MODELS/latest names;
#   2. train into MODELS/VERSION with checkpoints in CHECKPOINTS/VERSION, so that a retry of
#      the same version resumes where the failed try stopped;
#   3. only once MODELS/VERSION/_SUCCESS exists, point MODELS/latest at VERSION (a one-line
#      file, written under a temporary name and renamed) and drop the version's checkpoints.
#
#   DESCENT_DATA         this run's training data, any Hadoop path (required)
#   DESCENT_MODELS       folder of the model versions, a local path or a Hadoop URI (required)
#   DESCENT_CHECKPOINTS  folder of the checkpoints, on durable storage: hdfs://, s3a://, ... (required)
#   DESCENT_VERSION      this version's name; default the UTC time, e.g. 2026-11-24T0200
#   DESCENT_SUBMIT       the submit command, split at spaces; default deploy/submit-standalone.sh
#                        (e.g. "deploy/submit-yarn.sh client"), which reads MASTER, SPARK_HOME, ...
#   DESCENT_ATTEMPTS     tries for failures that another try may cure; default 3
#   DESCENT_RETRY_DELAY  seconds between tries; default 300
#   HADOOP_FS            file system shell for Hadoop URIs; default "hdfs dfs"
# Arguments: train flags for every version, e.g. --loss logistic --reg 0.01 (or keys in DESCENT_CONF).
#
# Exit codes, as Descent's: 0 published (or already published), 2 bad arguments, settings or
# data (do not retry: a person must look), 3 diverged (do not retry: the same inputs diverge
# again), 4 failed after every try (retry later). Exit codes 4 and any other (1 from spark-submit
# itself, or YARN cluster mode, which reports every failure as 1) are retried here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "$(date -u +%FT%TZ) nightly: $*" >&2; }
fail() {
  log "$2"
  exit "$1"
}

[ -n "${DESCENT_DATA:-}" ] || fail 2 "set DESCENT_DATA (this run's training data)"
[ -n "${DESCENT_MODELS:-}" ] || fail 2 "set DESCENT_MODELS (the folder of the model versions)"
[ -n "${DESCENT_CHECKPOINTS:-}" ] || fail 2 "set DESCENT_CHECKPOINTS (durable storage)"
version="${DESCENT_VERSION:-$(date -u +%Y-%m-%dT%H%M)}"
models="${DESCENT_MODELS%/}"
output="$models/$version"
checkpoints="${DESCENT_CHECKPOINTS%/}/$version"
attempts="${DESCENT_ATTEMPTS:-3}"
read -r -a submit <<< "${DESCENT_SUBMIT:-$here/../submit-standalone.sh}"
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
# Readers never see a half-written pointer: a local rename replaces it atomically; HDFS cannot
# rename onto an existing file, so there `latest` is missing for a moment (readers retry).
write_pointer() {
  local target="$models/latest" tmp="$models/.latest.tmp.$$"
  if is_local "$models"; then
    printf '%s\n' "$version" > "$(local_path "$tmp")"
    mv -f "$(local_path "$tmp")" "$(local_path "$target")"
  else
    printf '%s\n' "$version" | "${hadoop_fs[@]}" -put -f - "$tmp"
    "${hadoop_fs[@]}" -rm -f -skipTrash "$target" > /dev/null
    "${hadoop_fs[@]}" -mv "$tmp" "$target"
  fi
}

# The last good model: the version `latest` names, if its _SUCCESS is there.
warm_start=()
if exists "$models/latest"; then
  previous="$(read_text "$models/latest" | head -1 | tr -d '[:space:]')"
  if [ "$previous" = "$version" ]; then
    log "$output is already the latest model"
    exit 0
  elif [ -n "$previous" ] && exists "$models/$previous/_SUCCESS"; then
    warm_start=(--warm-start "$models/$previous")
    log "warm start from $models/$previous"
  else
    log "warning: $models/latest names '$previous', which has no _SUCCESS: training from zero"
  fi
else
  log "no $models/latest yet: training from zero"
fi

for ((attempt = 1; ; attempt++)); do
  # A try that died after the model was written leaves nothing to train.
  if exists "$output/_SUCCESS"; then
    break
  fi
  if ! exists "$DESCENT_DATA"; then
    code=4
    log "try $attempt/$attempts: $DESCENT_DATA does not exist (yet)"
  else
    log "try $attempt/$attempts: training $output"
    code=0
    "${submit[@]}" --data "$DESCENT_DATA" --output "$output" --checkpoint-dir "$checkpoints" \
      ${warm_start[@]+"${warm_start[@]}"} "$@" || code=$?
  fi
  case "$code" in
    0) break ;;
    2) fail 2 "bad arguments, settings or data (exit 2): not retrying; latest still names the previous model" ;;
    3) fail 3 "training diverged (exit 3): not retrying; try a smaller --step or --optimizer armijo" ;;
  esac
  if ((attempt >= attempts)); then
    fail 4 "try $attempt/$attempts failed (exit $code): giving up; the next run resumes from $checkpoints if given DESCENT_VERSION=$version"
  fi
  log "try $attempt/$attempts failed (exit $code): next try in ${DESCENT_RETRY_DELAY:-300} s"
  sleep "${DESCENT_RETRY_DELAY:-300}"
done

exists "$output/_SUCCESS" || fail 4 "$output has no _SUCCESS"
write_pointer
log "published: $models/latest -> $version"
remove_tree "$checkpoints" || log "warning: could not remove $checkpoints"
