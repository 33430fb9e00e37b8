"""Nightly Descent retraining as an Airflow DAG (the scheduler's twin of nightly.sh).

train    SparkSubmitOperator in client deploy mode (so the exit code is Descent's): warm start
         from the model MODELS/latest names, output MODELS/<version>, checkpoints in
         CHECKPOINTS/<version>, so that Airflow's retry of the same run resumes where the
         failed try stopped. Exit 2 (bad arguments, settings or data) and 3 (diverged) fail
         the task without retries: another try gives the same answer. Anything else (4, or 1
         from spark-submit itself) is retried.
publish  only once MODELS/<version>/_SUCCESS exists, points MODELS/latest at <version> (a
         one-line file written under a temporary name and renamed), then drops the version's
         checkpoints.

<version> is the end of the run's data interval, e.g. 2026-11-24T0200.

Needs apache-airflow-providers-apache-spark, spark-submit on the workers' PATH, the `hdfs`
command for Hadoop URIs, and a Spark connection (DESCENT_SPARK_CONN, default spark_default)
whose host is the master (spark://..., yarn). Settings come from the environment of the
Airflow workers:
  DESCENT_JAR          the application jar (a path on the worker)
  DESCENT_CONF         the settings file (conf/descent.properties), read by the driver
  DESCENT_DATA         training data, templated, e.g. hdfs:///events/training/{{ ds }}
  DESCENT_MODELS       folder of the model versions (local path or Hadoop URI)
  DESCENT_CHECKPOINTS  folder of the checkpoints, on durable storage
  DESCENT_TRAIN_ARGS   train flags for every version, e.g. "--loss logistic --reg 0.01"
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta

from airflow import DAG
from airflow.decorators import task
from airflow.exceptions import AirflowException, AirflowFailException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

DESCENT_HOME = os.environ.get("DESCENT_HOME", "/opt/descent")
JAR = os.environ.get("DESCENT_JAR", f"{DESCENT_HOME}/descent-app.jar")
CONF = os.environ.get("DESCENT_CONF", f"{DESCENT_HOME}/conf/descent.properties")
DATA = os.environ.get("DESCENT_DATA", "hdfs:///events/training/{{ ds }}")
MODELS = os.environ.get("DESCENT_MODELS", "hdfs:///descent/models").rstrip("/")
CHECKPOINTS = os.environ.get("DESCENT_CHECKPOINTS", "hdfs:///descent/checkpoints").rstrip("/")
TRAIN_ARGS = shlex.split(os.environ.get("DESCENT_TRAIN_ARGS", "--loss logistic"))
VERSION = "{{ data_interval_end.strftime('%Y-%m-%dT%H%M') }}"

# Descent's exit codes that another try cannot change.
NOT_RETRIED = {2: "bad arguments, settings or data", 3: "training diverged"}


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


def write_pointer(models: str, version: str) -> None:
    """models/latest := version. A local rename replaces the file atomically; HDFS cannot
    rename onto an existing file, so there `latest` is missing for a moment."""
    target, tmp = f"{models}/latest", f"{models}/.latest.tmp.{os.getpid()}"
    if _is_local(models):
        with open(_local(tmp), "w", encoding="utf-8") as f:
            f.write(version + "\n")
        os.replace(_local(tmp), _local(target))
        return
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
        f.write(version + "\n")
        f.flush()
        subprocess.run(["hdfs", "dfs", "-put", "-f", f.name, tmp], check=True)
    subprocess.run(["hdfs", "dfs", "-rm", "-f", "-skipTrash", target], check=True)
    subprocess.run(["hdfs", "dfs", "-mv", tmp, target], check=True)


def remove_tree(path: str) -> None:
    if _is_local(path):
        shutil.rmtree(_local(path), ignore_errors=True)
    else:
        subprocess.run(["hdfs", "dfs", "-rm", "-r", "-f", "-skipTrash", path], check=False)


def previous_model(models: str) -> str | None:
    """The last good model: the version `latest` names, if its _SUCCESS is there."""
    if not exists(f"{models}/latest"):
        return None
    name = read_text(f"{models}/latest").strip()
    if name and exists(f"{models}/{name}/_SUCCESS"):
        return f"{models}/{name}"
    return None


def exit_code(error: AirflowException) -> int | None:
    """spark-submit's exit code, from the message of the provider's hook."""
    match = re.search(r"Error code is: (\d+)", str(error))
    return int(match.group(1)) if match else None


class DescentTrainOperator(SparkSubmitOperator):
    """spark-submit of `descent train` for one model version, with Descent's exit codes."""

    template_fields = (*SparkSubmitOperator.template_fields, "version", "data")

    def __init__(self, *, version: str, data: str, models: str, checkpoints: str,
                 settings: str, train_args: list[str], **kwargs):
        super().__init__(**kwargs)
        self.version, self.data, self.models = version, data, models
        self.checkpoints, self.settings, self.train_args = checkpoints, settings, train_args

    def execute(self, context):
        output = f"{self.models}/{self.version}"
        if exists(f"{output}/_SUCCESS"):
            self.log.info("%s exists already (an earlier try wrote it)", output)
            return output
        args = ["train", "--conf", self.settings, "--data", self.data, "--output", output,
                "--checkpoint-dir", f"{self.checkpoints}/{self.version}"]
        warm = previous_model(self.models)
        if warm:
            args += ["--warm-start", warm]
        self.application_args = args + self.train_args
        try:
            super().execute(context)
        except AirflowException as e:
            code = exit_code(e)
            if code in NOT_RETRIED:
                raise AirflowFailException(f"descent exit {code}: {NOT_RETRIED[code]}; "
                                           "not retried, latest still names the previous model") from e
            raise
        return output


with DAG(
    dag_id="descent_nightly",
    description="Retrain the Descent model nightly, warm-started from the last good one",
    schedule="0 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,  # each version warm-starts from the one before
    default_args={"retries": 3, "retry_delay": timedelta(minutes=5), "owner": "descent"},
    tags=["descent", "training"],
) as dag:
    train = DescentTrainOperator(
        task_id="train",
        conn_id=os.environ.get("DESCENT_SPARK_CONN", "spark_default"),
        deploy_mode="client",
        application=JAR,
        java_class="io.descent.cli.Main",
        name="descent-nightly",
        conf={"spark.ui.showConsoleProgress": "false"},
        version=VERSION,
        data=DATA,
        models=MODELS,
        checkpoints=CHECKPOINTS,
        settings=CONF,
        train_args=TRAIN_ARGS,
        execution_timeout=timedelta(hours=6),
    )

    @task
    def publish(output: str) -> str:
        if not exists(f"{output}/_SUCCESS"):
            raise AirflowFailException(f"{output} has no _SUCCESS: latest is left as it is")
        version = output.rsplit("/", 1)[1]
        write_pointer(MODELS, version)
        try:  # of no use once the model exists; failing to remove them is no reason to fail
            remove_tree(f"{CHECKPOINTS}/{version}")
        except OSError as e:
            print(f"warning: could not remove the checkpoints of {version}: {e}")
        return version

    publish(train.output)
