"""Nightly Descent retraining as an Airflow DAG (the scheduler's twin of nightly.sh): check -> train -> promote.

check    `descent check` of the night's data against the profile the champion (the model
         MODELS/latest names) recorded; skipped when there is no champion yet or the night's
         model is trained already. Exit 2 (schema) and 5 (drift, report in CHECKS/<version>)
         stop the night without retries.
train    `descent train`, warm-started from the champion, output MODELS/<version>, checkpoints in
         CHECKPOINTS/<version>, so that Airflow's retry of the same run resumes where the failed
         try stopped; skipped when MODELS/<version>/_SUCCESS exists.
promote  `descent promote` of MODELS/<version> against the champion on the night's held-out data:
         it writes promotion.json and switches MODELS/latest atomically only when the candidate
         is not worse (exit 6 otherwise, latest unchanged). Then the checkpoints are dropped.

Exit codes (README "Exit codes"): 2, 3, 5, 6 fail the task without retries (a person must look:
another try gives the same answer); anything else (4, 130, 143, or 1 from spark-submit itself) is
retried. A rerun of a finished night does nothing: its version is already latest, or its
promotion.json says it was refused.

<version> is the end of the run's data interval, e.g. 2026-11-24T0200.

Needs apache-airflow-providers-apache-spark, spark-submit on the workers' PATH, the `hdfs`
command for Hadoop URIs, and a Spark connection (DESCENT_SPARK_CONN, default spark_default)
whose host is the master (spark://..., yarn). Settings come from the environment of the
Airflow workers:
  DESCENT_JAR          the application jar (a path on the worker)
  DESCENT_CONF         the settings file (conf/descent.properties), read by the driver
  DESCENT_DATA         training data, templated, e.g. hdfs:///events/training/{{ ds }}
  DESCENT_HOLDOUT      held-out data for promote, templated, e.g. hdfs:///events/holdout/{{ ds }}
  DESCENT_MODELS       folder of the model versions and of latest (local path or Hadoop URI)
  DESCENT_CHECKPOINTS  folder of the checkpoints, on durable storage
  DESCENT_CHECKS       folder of the data checks' reports; default MODELS/_checks
  DESCENT_TRAIN_ARGS   train flags for every version, e.g. "--loss logistic --reg 0.01"
  DESCENT_PROMOTE_ARGS promote flags, e.g. "--metric accuracy --max-regression 0.01"
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from datetime import datetime, timedelta

from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException, AirflowSkipException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

DESCENT_HOME = os.environ.get("DESCENT_HOME", "/opt/descent")
JAR = os.environ.get("DESCENT_JAR", f"{DESCENT_HOME}/descent-app.jar")
CONF = os.environ.get("DESCENT_CONF", f"{DESCENT_HOME}/conf/descent.properties")
DATA = os.environ.get("DESCENT_DATA", "hdfs:///events/training/{{ ds }}")
HOLDOUT = os.environ.get("DESCENT_HOLDOUT", "hdfs:///events/holdout/{{ ds }}")
MODELS = os.environ.get("DESCENT_MODELS", "hdfs:///descent/models").rstrip("/")
CHECKPOINTS = os.environ.get("DESCENT_CHECKPOINTS", "hdfs:///descent/checkpoints").rstrip("/")
CHECKS = os.environ.get("DESCENT_CHECKS", f"{MODELS}/_checks").rstrip("/")
TRAIN_ARGS = shlex.split(os.environ.get("DESCENT_TRAIN_ARGS", "--loss logistic"))
PROMOTE_ARGS = shlex.split(os.environ.get("DESCENT_PROMOTE_ARGS", ""))
VERSION = "{{ data_interval_end.strftime('%Y-%m-%dT%H%M') }}"

# Descent's exit codes that another try cannot change (io.descent.ExitCodes).
NOT_RETRIED = {2: "bad arguments, settings, data or schema", 3: "training diverged",
               5: "the data drifted", 6: "the candidate is worse than the champion"}


def _is_local(path: str) -> bool:
    return path.startswith("file:") or "://" not in path


def _local(path: str) -> str:
    return re.sub(r"^file:(//)?", "", path)


def exists(path: str) -> bool:
    if _is_local(path):
        return os.path.exists(_local(path))
    return subprocess.run(["hdfs", "dfs", "-test", "-e", path]).returncode == 0


def read_text(path: str) -> str:
    if _is_local(path):
        with open(_local(path), encoding="utf-8") as f:
            return f.read()
    return subprocess.run(["hdfs", "dfs", "-cat", path], check=True, capture_output=True,
                          text=True).stdout


def remove_tree(path: str) -> None:
    if _is_local(path):
        shutil.rmtree(_local(path), ignore_errors=True)
    else:
        subprocess.run(["hdfs", "dfs", "-rm", "-r", "-f", "-skipTrash", path], check=False)


def champion() -> str | None:
    """The version MODELS/latest names, or None before the first night."""
    if not exists(f"{MODELS}/latest"):
        return None
    return read_text(f"{MODELS}/latest").strip() or None


def exit_code(error: AirflowException) -> int | None:
    """spark-submit's exit code, from the message of the provider's hook."""
    match = re.search(r"Error code is: (\d+)", str(error))
    return int(match.group(1)) if match else None


class DescentOperator(SparkSubmitOperator):
    """spark-submit of one Descent command for one version, with Descent's exit codes."""

    template_fields = (*SparkSubmitOperator.template_fields, "version", "data")

    def __init__(self, *, step: str, version: str, data: str, **kwargs):
        super().__init__(**kwargs)
        self.step, self.version, self.data = step, version, data

    def arguments(self) -> list[str]:
        output = f"{MODELS}/{self.version}"
        current = champion()
        if current == self.version:
            raise AirflowSkipException(f"{output} is already the latest model: nothing to do")
        if exists(f"{output}/promotion.json") and re.search(
                r'"decision" *: *"not promoted"', read_text(f"{output}/promotion.json")):
            raise AirflowFailException(f"{output} was not promoted on an earlier run "
                                       f"(see its promotion.json)")
        trained = exists(f"{output}/_SUCCESS")
        if self.step == "check":
            if current is None or trained:
                raise AirflowSkipException("no champion yet, or trained already: no data check")
            return ["check", "--model", f"{MODELS}/{current}", "--data", self.data,
                    "--output", f"{CHECKS}/{self.version}"]
        if self.step == "train":
            if trained:
                raise AirflowSkipException(f"{output} exists already (an earlier try wrote it)")
            args = ["train", "--conf", CONF, "--data", self.data, "--output", output,
                    "--checkpoint-dir", f"{CHECKPOINTS}/{self.version}"]
            if current is not None:
                args += ["--warm-start", f"{MODELS}/{current}"]
            return args + TRAIN_ARGS
        return ["promote", "--candidate", output, "--models", MODELS, "--data", self.data] + PROMOTE_ARGS

    def execute(self, context):
        self.application_args = self.arguments()
        try:
            super().execute(context)
        except AirflowException as e:
            code = exit_code(e)
            if code in NOT_RETRIED:
                raise AirflowFailException(f"descent {self.step} exit {code}: {NOT_RETRIED[code]};"
                                           " not retried, latest is unchanged") from e
            raise
        if self.step == "promote":
            remove_tree(f"{CHECKPOINTS}/{self.version}")


with DAG(
    dag_id="descent_nightly",
    description="Retrain the Descent model nightly, gated by a data check and a champion/challenger comparison",
    schedule="0 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,  # each version warm-starts from the one before
    default_args={"retries": 3, "retry_delay": timedelta(minutes=5), "owner": "descent"},
    tags=["descent", "training"],
) as dag:
    common = dict(conn_id=os.environ.get("DESCENT_SPARK_CONN", "spark_default"), deploy_mode="client",
                  application=JAR, java_class="io.descent.cli.Main",
                  conf={"spark.ui.showConsoleProgress": "false"}, version=VERSION)
    check = DescentOperator(task_id="check", step="check", data=DATA, name="descent-check",
                            execution_timeout=timedelta(hours=1), **common)
    train = DescentOperator(task_id="train", step="train", data=DATA, name="descent-train",
                            trigger_rule="none_failed", execution_timeout=timedelta(hours=6), **common)
    promote = DescentOperator(task_id="promote", step="promote", data=HOLDOUT, name="descent-promote",
                              trigger_rule="none_failed", execution_timeout=timedelta(hours=1), **common)
    check >> train >> promote
