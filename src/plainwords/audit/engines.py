"""Who counts the partitions: this machine, a Dask cluster or Spark. Each engine reads the table
with its own reader, runs ``count_partition`` on each partition where the data is, and returns the
long table of sums that ``plainwords.audit.summary`` combines; the spaCy pipeline is built on each
worker from the small frozen policy (``plainwords.audit.adapter``), never sent to it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from typing import TYPE_CHECKING, Any

from plainwords.audit.counting import COLUMNS, SPARK_SCHEMA, count_partition, empty_counts
from plainwords.audit.spec import AuditError, AuditPolicy, AuditSpec
from plainwords.audit.table import check_columns, read_table, table_kind

if TYPE_CHECKING:
    import pandas as pd

ENGINES = ("local", "dask", "spark")
_NEEDS = {
    "local": (("pandas", "pyarrow"), "audit"),
    "dask": (("pandas", "pyarrow", "dask", "distributed"), "dask"),
    "spark": (("pandas", "pyarrow", "pyspark"), "spark"),
}


def require(engine: str) -> None:
    """A one-line error naming the pip command when an engine's extra is not installed."""
    modules, extra = _NEEDS[engine]
    for module in modules:
        if importlib.util.find_spec(module) is None:
            raise AuditError(f"--engine {engine} needs {module}: pip install 'plainwords[{extra}]'")


def run_local(
    path: str,
    spec: AuditSpec,
    policy: AuditPolicy,
    *,
    jobs: int | None = None,
    examples: dict[str, list[dict]] | None = None,
    examples_per_group: int = 0,
) -> pd.DataFrame:
    """The whole table as one partition, linted on this machine's cores through ``plainwords
    check``'s parallel path (``jobs=None``: as many processes as the work deserves)."""
    require("local")
    frame = read_table(path, spec)
    return count_partition(
        frame,
        spec,
        policy,
        jobs=jobs,
        examples=examples,
        examples_per_group=examples_per_group,
    )


def _count(frame: pd.DataFrame, spec: AuditSpec, policy: AuditPolicy) -> pd.DataFrame:
    """What each Dask partition runs: a module-level function, so the graph holds only its name
    and the two small frozen values."""
    return count_partition(frame, spec, policy)


def run_dask(
    path: str,
    spec: AuditSpec,
    policy: AuditPolicy,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    partition_bytes: int | None = None,
) -> pd.DataFrame:
    """An embedded ``LocalCluster`` of ``workers`` single-threaded processes, or the cluster at
    ``scheduler``; the table is read by the workers in partitions of about ``partition_bytes``."""
    require("dask")
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    kind = table_kind(path)
    size = os.path.getsize(path)
    blocksize = partition_bytes or max(256_000, size // (4 * max(workers, 1)) + 1)
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=40,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as error:
        raise AuditError(f"cannot reach the Dask scheduler: {error}") from None
    try:
        frame = _dask_frame(dd, path, kind, spec, blocksize)
        meta = empty_counts()
        counted = frame.map_partitions(_count, spec, policy, meta=meta)
        return counted.groupby(["group", "kind", "name"]).value.sum().reset_index().compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_frame(dd, path: str, kind: str, spec: AuditSpec, blocksize: int):
    columns = list(spec.columns)
    try:
        if kind == "csv":
            frame = dd.read_csv(
                path, dtype=str, keep_default_na=False, blocksize=blocksize, encoding="utf-8"
            )
        elif kind == "jsonl":
            frame = dd.read_json(path, lines=True, blocksize=blocksize, dtype=False)
        else:
            frame = dd.read_parquet(path)
    except (ValueError, OSError) as error:
        raise AuditError(f"{path}: cannot read the {kind} table: {error}") from None
    check_columns(path, list(frame.columns), spec)
    return frame[columns]


def run_spark(
    path: str, spec: AuditSpec, policy: AuditPolicy, *, master: str | None = None
) -> pd.DataFrame:
    """PySpark (``local[2]`` unless ``master`` names a cluster): ``mapInPandas`` hands each Python
    worker an iterator of batches, and the pipeline is built once per worker process."""
    require("spark")
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master or "local[2]")
        .appName("plainwords-audit")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.python.worker.reuse", "true")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    kind = table_kind(path)
    if kind == "csv":
        frame = spark.read.csv(path, header=True, multiLine=True, escape='"', encoding="UTF-8")
    elif kind == "jsonl":
        frame = spark.read.json(path)
    else:
        frame = spark.read.parquet(path)
    check_columns(path, frame.columns, spec)
    frame = frame.select(*[F.col(c).cast("string").alias(c) for c in spec.columns])
    # A CSV read with multiLine (text columns hold line breaks) is one partition: spread it over
    # every executor core, as counts are summed whatever the split.
    cores = spark.sparkContext.defaultParallelism
    if frame.rdd.getNumPartitions() < cores:
        frame = frame.repartition(cores)

    def count_batches(batches):
        for batch in batches:
            yield count_partition(batch, spec, policy)

    counted = frame.mapInPandas(count_batches, schema=SPARK_SCHEMA)
    combined = counted.groupBy("group", "kind", "name").agg(F.sum("value").alias("value"))
    result: Any = combined.toPandas()  # pandas, whose stubs pyspark does not name
    return result[list(COLUMNS)] if len(result) else empty_counts()
