#!/usr/bin/env bash
# Trains on Kubernetes, cluster deploy mode: spark-submit creates the driver pod, the driver
# creates the executor pods. The settings file becomes the ConfigMap descent-conf, which
# deploy/k8s/pod-template.yaml mounts into the driver at /opt/descent/conf.
#
#   MASTER                   k8s://https://<API server>:<port> (required)
#   DESCENT_IMAGE            image with Spark 3.5 (Scala 2.12, Java 17) and the application jar (required;
#                            see deploy/README.md)
#   DESCENT_JAR              the jar inside the image; default local:///opt/descent/descent-app.jar
#   DESCENT_NAMESPACE        namespace; default "default"
#   DESCENT_SERVICE_ACCOUNT  the driver's service account (may create pods, services, config maps); default spark
#   DESCENT_NUM_EXECUTORS    spark.executor.instances; default 2
#   KUBECTL                  kubectl command; default kubectl
#   and the variables of deploy/common.sh (SPARK_HOME, DESCENT_CONF, sizes)
#
# Exit code: the driver's, so Descent's (0 done, 2 bad input, 3 diverged, 4 other failure);
# spark-submit itself exits 0 whenever the submission worked, so it is read from the final
# pod status spark-submit prints.
#
# Usage: MASTER=k8s://https://api:6443 DESCENT_IMAGE=registry/descent:0.1.0 \
#          deploy/submit-k8s.sh [--dry-run] --data s3a://bucket/train --loss logistic --output s3a://bucket/models/m1
#   --dry-run  prints the kubectl and spark-submit commands, one a line, shell-quoted, and runs
#              neither (no cluster, kubectl or Spark needed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dry_run=false
if [ "${1:-}" = --dry-run ]; then
  dry_run=true
  shift
fi
DESCENT_JAR="${DESCENT_JAR:-local:///opt/descent/descent-app.jar}"
# shellcheck source=deploy/common.sh
source "$here/common.sh"

case "${MASTER:-}" in
  k8s://*) ;;
  *) die "set MASTER to k8s://https://<API server>:<port>" ;;
esac
[ -n "${DESCENT_IMAGE:-}" ] || die "set DESCENT_IMAGE (an image with Spark 3.5 and the application jar)"
namespace="${DESCENT_NAMESPACE:-default}"
kubectl="${KUBECTL:-kubectl}"

configmap=("$kubectl" -n "$namespace" create configmap descent-conf
  --from-file=descent.properties="$DESCENT_CONF" --dry-run=client -o yaml)
apply=("$kubectl" -n "$namespace" apply -f -)
SUBMIT+=(--master "$MASTER" --deploy-mode cluster
  --conf spark.kubernetes.namespace="$namespace"
  --conf spark.kubernetes.container.image="$DESCENT_IMAGE"
  --conf spark.kubernetes.authenticate.driver.serviceAccountName="${DESCENT_SERVICE_ACCOUNT:-spark}"
  --conf spark.executor.instances="${DESCENT_NUM_EXECUTORS:-2}"
  --conf spark.kubernetes.driver.podTemplateFile="$here/k8s/pod-template.yaml"
  --conf spark.kubernetes.submission.waitAppCompletion=true
  "$DESCENT_JAR" train --conf /opt/descent/conf/descent.properties "$@")

if [ "$dry_run" = true ]; then
  printf '%q ' "${configmap[@]}"
  printf '| '
  printf '%q ' "${apply[@]}"
  printf '\n'
  printf '%q ' "${SUBMIT[@]}"
  printf '\n'
  exit 0
fi

# Create or replace the ConfigMap with this run's settings.
"${configmap[@]}" | "${apply[@]}"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
"${SUBMIT[@]}" 2>&1 | tee "$log"
submitted="${PIPESTATUS[0]}"
set -e
[ "$submitted" -eq 0 ] || exit "$submitted"
code="$(grep -oiE 'exit code: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)"
exit "${code:-4}"
